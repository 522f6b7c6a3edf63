package dk.kfgateway.settlement;

import dk.kfgateway.access.AccessLabels;
import dk.kfgateway.ig.Ig;
import dk.kfgateway.rules.RuleRef;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Invoice.InvoicePriceComponentType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * The FHIR Invoice of a settled month (pure): issued by the region, addressed to the municipality by its EAN location
 * number, one line per ChargeItem (or computed charge) with its price component, the totals, the settled month and the
 * payment due date in the gateway's extensions. Its id names municipality and month, so a month is issued once.
 */
public final class Invoices {

  public static final String PERIOD = Ig.structureDefinition("kf-settlement-period");
  public static final String PAYMENT_DUE = Ig.structureDefinition("kf-payment-due");
  public static final String NUMBER = Ig.CANONICAL + "/invoice-number";

  private Invoices() {}

  /** {@code settlement-municipality-holbaek-2026-02}. */
  public static String id(String municipality, java.time.YearMonth month) {
    return "settlement-" + AccessLabels.code(municipality) + "-" + month;
  }

  public static Invoice of(Agreement agreement, MonthlySettlement.Plan plan, Optional<String> regionEan,
      Instant issued, Set<String> labels) {
    Invoice invoice = new Invoice();
    invoice.setId(id(agreement.municipality(), plan.month()));
    invoice.addIdentifier().setSystem(NUMBER).setValue(invoice.getIdElement().getIdPart());
    invoice.setStatus(Invoice.InvoiceStatus.ISSUED)
        .setType(new CodeableConcept().setText("Afregning af Klinisk Funktion og sundhedskoordinator (monthly "
            + "settlement)"))
        .setDate(Date.from(issued))
        .setRecipient(party(agreement.municipality(), agreement.municipalityEan()))
        .setIssuer(party(agreement.region(), regionEan));
    invoice.addExtension(PERIOD, new Period()
        .setStartElement(new org.hl7.fhir.r4.model.DateTimeType(plan.month().atDay(1).toString()))
        .setEndElement(new org.hl7.fhir.r4.model.DateTimeType(plan.month().atEndOfMonth().toString())));
    invoice.addExtension(PAYMENT_DUE, new DateType(plan.due().toString()));
    int sequence = 1;
    for (InvoiceLine line : plan.lines()) {
      Invoice.InvoiceLineItemComponent item = invoice.addLineItem().setSequence(sequence++);
      Coding code = new Coding(ChargeCode.SYSTEM, line.code().code(), null);
      if (line.chargeItem() != null) {
        item.setChargeItem(new Reference(line.chargeItem()));
      } else {
        item.setChargeItem(new CodeableConcept(code));
      }
      item.addPriceComponent().setType(InvoicePriceComponentType.BASE)
          .setCode(new CodeableConcept(code).setText(line.text()))
          .setFactor(line.quantity()).setAmount(money(line.amount()));
    }
    invoice.addTotalPriceComponent().setType(InvoicePriceComponentType.BASE).setAmount(money(plan.total()));
    // Klinisk Funktion's services are health services, exempt from VAT: net and gross are the same.
    invoice.setTotalNet(money(plan.total())).setTotalGross(money(plan.total()));
    // The days are the agreement's, so its clause is the source (bkg 2019 §19 stk. 3 where it agrees none).
    RuleRef due = new RuleRef(SettlementRules.PAYMENT_DUE.id(), agreement.paymentSource());
    invoice.setPaymentTerms("Betales senest " + plan.due() + ": " + due.display(java.time.temporal.ChronoUnit.DAYS
        .between(plan.issued(), plan.due()) + " dage efter fakturaen") + ". " + agreement.title());
    AccessLabels.set(invoice, labels);
    return invoice;
  }

  private static Reference party(String organisation, Optional<String> ean) {
    Reference reference = new Reference(organisation);
    ean.ifPresent(value -> reference.setIdentifier(new Identifier().setSystem(Ig.EAN).setValue(value)));
    return reference;
  }

  private static org.hl7.fhir.r4.model.Money money(java.math.BigDecimal amount) {
    return new org.hl7.fhir.r4.model.Money().setValue(amount).setCurrency(Money.CURRENCY);
  }

  public static Optional<java.time.LocalDate> paymentDue(Invoice invoice) {
    return Optional.ofNullable(invoice.getExtensionByUrl(PAYMENT_DUE))
        .map(e -> java.time.LocalDate.parse(e.getValue().primitiveValue()));
  }
}
