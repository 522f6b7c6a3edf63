package dk.kfgateway.settlement;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.ig.Ig;
import dk.kfgateway.rules.Verdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Organization;

/**
 * Issues a month's invoice to a municipality in one database transaction: the Invoice, and every ChargeItem on it
 * marked billed. Asking again for a month already issued answers the invoice issued then, and issues nothing.
 */
public class Settlements {

  private final DaoRegistry daos;
  private final ChargeItems items;
  private final Agreements agreements;
  private final Set<String> administrators;

  /** @param administrators the organisations of the administrator clients, who issue and read invoices too */
  public Settlements(DaoRegistry daos, ChargeItems items, Agreements agreements, Set<String> administrators) {
    this.daos = daos;
    this.items = items;
    this.agreements = agreements;
    this.administrators = Set.copyOf(administrators);
  }

  /** The month's invoice if issued; searched, not read, as a failed read would roll back the settling transaction. */
  public Optional<Invoice> issued(String municipality, YearMonth month) {
    ca.uhn.fhir.jpa.searchparam.SearchParameterMap byId = ca.uhn.fhir.jpa.searchparam.SearchParameterMap
        .newSynchronous("_id", new ca.uhn.fhir.rest.param.TokenParam(Invoices.id(municipality, month)));
    return daos.getResourceDao(Invoice.class).searchForResources(byId, new SystemRequestDetails()).stream()
        .map(Invoice.class::cast).findFirst();
  }

  /** The month's invoice: the one issued before, or a new one. Call inside a transaction. */
  public Invoice settle(String municipality, YearMonth month, Instant now) {
    Optional<Invoice> earlier = issued(municipality, month);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Refusals.enforce(MonthlySettlement.mayIssue(month, now));
    Agreement agreement = agreements.of(municipality);
    List<ChargeItem> billable = items.billableBefore(municipality, MonthlySettlement.end(month));
    List<InvoiceLine> lines = billable.stream().map(Settlements::line).toList();
    Optional<BigDecimal> lastYear = month.getMonthValue() == 1
        ? Optional.of(startedCases(municipality, month.getYear() - 1)) : Optional.empty();
    MonthlySettlement.Plan plan = MonthlySettlement.plan(agreement, month, lines, lastYear,
        now.atZone(PricedCharge.DENMARK).toLocalDate());
    if (plan.lines().isEmpty()) {
      Refusals.enforce(Verdict.refused(SettlementRules.MONTH_SETTLED_ONCE, "Nothing to settle for " + month
          + ": no billable ChargeItems and no instalment under " + agreement.title(), "month"));
    }
    Set<String> labels = new TreeSet<>(ChargeItems.labels(municipality, agreement.region()));
    administrators.forEach(a -> labels.addAll(ChargeItems.labels(a)));
    Invoice invoice = Invoices.of(agreement, plan, eanOf(agreement.region()), now, labels);
    daos.getResourceDao(Invoice.class).update(invoice, new SystemRequestDetails());
    billable.forEach(items::billed);
    return issued(municipality, month).orElseThrow();
  }

  /** The started coordinator cases of a year, net of credits. */
  BigDecimal startedCases(String municipality, int year) {
    Instant from = YearMonth.of(year, 1).atDay(1).atStartOfDay(PricedCharge.DENMARK).toInstant();
    return items.of(municipality, ChargeCode.STARTED_COORDINATOR_CASE, from, MonthlySettlement.end(
        YearMonth.of(year, 12))).stream().map(i -> i.getQuantity().getValue()).reduce(BigDecimal.ZERO,
            BigDecimal::add);
  }

  private static InvoiceLine line(ChargeItem item) {
    ChargeCode code = ChargeCode.of(item.getCode().getCodingFirstRep().getCode()).orElseThrow();
    return new InvoiceLine("ChargeItem/" + item.getIdElement().getIdPart(), code, item.getQuantity().getValue(),
        Money.kr(item.getPriceOverride().getValue()), item.getNoteFirstRep().getText());
  }

  private Optional<String> eanOf(String organisation) {
    try {
      Organization region = daos.getResourceDao(Organization.class).read(new IdType(organisation),
          new SystemRequestDetails());
      return region.getIdentifier().stream().filter(i -> Ig.EAN.equals(i.getSystem())).map(i -> i.getValue())
          .findFirst();
    } catch (BaseServerResponseException unknown) {
      return Optional.empty();
    }
  }
}
