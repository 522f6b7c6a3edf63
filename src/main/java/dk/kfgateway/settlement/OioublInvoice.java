package dk.kfgateway.settlement;

import com.helger.ubl21.UBL21Marshaller;
import dk.kfgateway.ig.Ig;
import dk.kfgateway.rules.Verdict;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CustomerPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.InvoiceLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyNameType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentMeansType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentTermsType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PeriodType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PriceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.SupplierPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxCategoryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSubtotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.EndpointIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.InvoicedQuantityType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * The OIOUBL 2.1 invoice (the Danish customisation of UBL 2.1 that public bodies receive through NemHandel) of a FHIR
 * Invoice, written with phax's UBL 2.1 library: supplier and customer by EAN location number (GLN), the settled
 * month, the payment due date, one line per invoice line, no VAT (health services are exempt). Pure.
 */
public final class OioublInvoice {

  static final String CUSTOMIZATION = "OIOUBL-2.02";
  static final String PROFILE = "Procurement-BilSim-1.0";
  static final String GLN = "GLN";
  private static final ZoneId DENMARK = PricedCharge.DENMARK;

  private OioublInvoice() {}

  /** The invoice can be sent through NemHandel only with both parties' EAN location numbers. */
  public static Verdict exportable(Invoice invoice) {
    return hasEan(invoice.getRecipient()) && hasEan(invoice.getIssuer()) ? Verdict.allowed()
        : Verdict.refused(SettlementRules.REGION_ISSUES, "An OIOUBL invoice needs the EAN location numbers of the "
            + "region (its Organization's identifier " + Ig.EAN + ") and the municipality (the agreement's "
            + "municipality-ean)", "Invoice.recipient.identifier");
  }

  private static boolean hasEan(Reference party) {
    return party.hasIdentifier() && Ig.EAN.equals(party.getIdentifier().getSystem());
  }

  /** @param names the name of each organisation by reference */
  public static String xml(Invoice invoice, Map<String, String> names) {
    InvoiceType ubl = new InvoiceType();
    ubl.setUBLVersionID("2.1");
    ubl.setCustomizationID(CUSTOMIZATION);
    ubl.setProfileID(PROFILE).setSchemeAgencyID("320");
    ubl.setID(invoice.getIdElement().getIdPart());
    LocalDate issued = invoice.getDate().toInstant().atZone(DENMARK).toLocalDate();
    ubl.setIssueDate(issued);
    Invoices.paymentDue(invoice).ifPresent(ubl::setDueDate);
    ubl.setInvoiceTypeCode("380").setListAgencyID("320");
    ubl.addNote(new oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.NoteType(
        invoice.getPaymentTerms()));
    ubl.setDocumentCurrencyCode(Money.CURRENCY);
    if (invoice.getExtensionByUrl(Invoices.PERIOD) != null) {
      Period month = (Period) invoice.getExtensionByUrl(Invoices.PERIOD).getValue();
      PeriodType period = new PeriodType();
      period.setStartDate(LocalDate.parse(month.getStartElement().getValueAsString()));
      period.setEndDate(LocalDate.parse(month.getEndElement().getValueAsString()));
      ubl.addInvoicePeriod(period);
    }
    SupplierPartyType supplier = new SupplierPartyType();
    supplier.setParty(party(invoice.getIssuer(), names));
    ubl.setAccountingSupplierParty(supplier);
    CustomerPartyType customer = new CustomerPartyType();
    customer.setParty(party(invoice.getRecipient(), names));
    ubl.setAccountingCustomerParty(customer);
    PaymentMeansType means = new PaymentMeansType();
    means.setPaymentMeansCode("1");
    Invoices.paymentDue(invoice).ifPresent(means::setPaymentDueDate);
    ubl.addPaymentMeans(means);
    PaymentTermsType terms = new PaymentTermsType();
    terms.addNote(new oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.NoteType(
        invoice.getPaymentTerms()));
    ubl.addPaymentTerms(terms);
    BigDecimal total = invoice.getTotalNet().getValue();
    ubl.addTaxTotal(noVat(total));
    MonetaryTotalType totals = new MonetaryTotalType();
    totals.setLineExtensionAmount(total).setCurrencyID(Money.CURRENCY);
    totals.setTaxExclusiveAmount(total).setCurrencyID(Money.CURRENCY);
    totals.setTaxInclusiveAmount(total).setCurrencyID(Money.CURRENCY);
    totals.setPayableAmount(total).setCurrencyID(Money.CURRENCY);
    ubl.setLegalMonetaryTotal(totals);
    for (Invoice.InvoiceLineItemComponent line : invoice.getLineItem()) {
      ubl.addInvoiceLine(line(line));
    }
    return UBL21Marshaller.invoice().getAsString(ubl);
  }

  private static PartyType party(Reference organisation, Map<String, String> names) {
    PartyType party = new PartyType();
    EndpointIDType endpoint = party.setEndpointID(organisation.getIdentifier().getValue());
    endpoint.setSchemeID(GLN);
    endpoint.setSchemeAgencyID("9");
    PartyNameType name = new PartyNameType();
    name.setName(names.getOrDefault(organisation.getReference(), organisation.getReference()));
    party.addPartyName(name);
    return party;
  }

  private static TaxTotalType noVat(BigDecimal taxable) {
    TaxTotalType tax = new TaxTotalType();
    tax.setTaxAmount(BigDecimal.ZERO.setScale(2)).setCurrencyID(Money.CURRENCY);
    TaxSubtotalType subtotal = new TaxSubtotalType();
    subtotal.setTaxableAmount(taxable).setCurrencyID(Money.CURRENCY);
    subtotal.setTaxAmount(BigDecimal.ZERO.setScale(2)).setCurrencyID(Money.CURRENCY);
    TaxCategoryType category = new TaxCategoryType();
    category.setID("ZeroRated").setSchemeAgencyID("320");
    category.setPercent(BigDecimal.ZERO);
    TaxSchemeType scheme = new TaxSchemeType();
    scheme.setID("63").setSchemeAgencyID("320");
    scheme.setName("Moms");
    category.setTaxScheme(scheme);
    subtotal.setTaxCategory(category);
    tax.addTaxSubtotal(subtotal);
    return tax;
  }

  private static InvoiceLineType line(Invoice.InvoiceLineItemComponent line) {
    Invoice.InvoiceLineItemPriceComponentComponent price = line.getPriceComponentFirstRep();
    BigDecimal quantity = price.getFactor();
    BigDecimal amount = price.getAmount().getValue();
    InvoiceLineType ubl = new InvoiceLineType();
    ubl.setID(Integer.toString(line.getSequence()));
    InvoicedQuantityType invoiced = ubl.setInvoicedQuantity(quantity);
    invoiced.setUnitCode("EA");
    ubl.setLineExtensionAmount(amount).setCurrencyID(Money.CURRENCY);
    ItemType item = new ItemType();
    item.addDescription(new oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.DescriptionType(
        price.getCode().getText()));
    item.setName(price.getCode().getCodingFirstRep().getCode()
        + (line.hasChargeItemReference() ? " " + line.getChargeItemReference().getReference() : ""));
    ubl.setItem(item);
    PriceType unit = new PriceType();
    unit.setPriceAmount(quantity.signum() == 0 ? amount : Money.kr(amount.divide(quantity, 10,
        java.math.RoundingMode.HALF_UP))).setCurrencyID(Money.CURRENCY);
    ubl.setPrice(unit);
    return ubl;
  }
}
