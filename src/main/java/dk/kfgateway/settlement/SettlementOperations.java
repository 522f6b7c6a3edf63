package dk.kfgateway.settlement;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dk.kfgateway.access.AccessLabels;
import dk.kfgateway.access.HiddenAsUnknown;
import dk.kfgateway.access.RestrictedCallers;
import dk.kfgateway.audit.AuditRecord;
import dk.kfgateway.audit.AuditTrail;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.rules.Verdict;
import dk.kfgateway.security.Caller;
import dk.kfgateway.security.PartyRole;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The settlement operations:
 * <ul>
 *   <li>{@code POST /fhir/Organization/{municipality}/$settle?month=2026-02}: the region's secretariat (or the
 *       administrator) issues the month's invoice to the municipality; again for the same month, the same invoice;</li>
 *   <li>{@code POST /fhir/ChargeItem/{id}/$credit?reason=...}: the secretariat corrects a charge by crediting it;</li>
 *   <li>{@code GET /fhir/Invoice/{id}/$oioubl}: the invoice as OIOUBL 2.1 XML (a Binary), for NemHandel.</li>
 * </ul>
 * Who may call them is the allow-list's; these check which region or municipality the caller acts for (SET-014), and
 * answer what the caller may not see as an unknown id.
 */
public class SettlementOperations {

  private final DaoRegistry daos;
  private final Settlements settlements;
  private final Credits credits;
  private final Agreements agreements;
  private final RestrictedCallers restricted;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final AuditTrail audit;

  SettlementOperations(DaoRegistry daos, Settlements settlements, Credits credits, Agreements agreements,
      RestrictedCallers restricted, PlatformTransactionManager transactions, Clock clock, AuditTrail audit) {
    this.audit = audit;
    this.daos = daos;
    this.settlements = settlements;
    this.credits = credits;
    this.agreements = agreements;
    this.restricted = restricted;
    this.transactions = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  @Operation(name = "$settle", type = Organization.class)
  public Invoice settle(@IdParam IdType id, @OperationParam(name = "month", min = 1) StringType month,
      RequestDetails request) {
    String municipality = "Organization/" + id.getIdPart();
    Organization organisation = read(Organization.class, municipality);
    if (organisation.getType().stream().noneMatch(t -> t.hasCoding(dk.kfgateway.ig.Ig.codeSystem(
        dk.kfgateway.ig.Ig.CS_ORGANIZATION_TYPES), "municipality"))) {
      throw Refusals.toException(Verdict.refused(SettlementRules.REGION_ISSUES, municipality
          + " is not a municipality: invoices are issued to municipalities", "Organization"));
    }
    String region = agreements.of(municipality).region();
    restricted.of(request).ifPresent(caller -> {
      if (caller.role() != PartyRole.ADMINISTRATOR && !(caller.role() == PartyRole.SECRETARIAT
          && caller.actsFor(region))) {
        throw Refusals.toException(Verdict.notPermitted(SettlementRules.REGION_ISSUES, "Only the secretariat of "
            + region + ", the region of the agreement, or the administrator issues invoices to " + municipality,
            "Organization"));
      }
    });
    YearMonth settled = month(month);
    return transactions.execute(status -> {
      Invoice invoice = settlements.settle(municipality, settled, clock.instant());
      audited(request, null, List.of("Invoice/" + invoice.getIdPart(), municipality),
          SettlementRules.MONTH_SETTLED_ONCE, "the invoice of " + settled + " to " + municipality);
      return invoice;
    });
  }

  @Operation(name = "$credit", type = ChargeItem.class)
  public ChargeItem credit(@IdParam IdType id, @OperationParam(name = "reason", min = 1) StringType reason,
      RequestDetails request) {
    if (reason == null || reason.isEmpty() || reason.getValue().isBlank()) {
      throw Refusals.toException(Verdict.refused(SettlementRules.CORRECTION_CREDITS,
          "Say why the charge is corrected (parameter 'reason')", "reason"));
    }
    String created = transactions.execute(status -> {
      ChargeItem original = visible(ChargeItem.class, "ChargeItem/" + id.getIdPart(), request);
      Caller caller = Caller.of(request).orElse(null);
      if (caller != null && caller.role() != PartyRole.SECRETARIAT) {
        throw Refusals.toException(Verdict.notPermitted(SettlementRules.CORRECTION_CREDITS,
            "Only the region's secretariat corrects a charge", "ChargeItem"));
      }
      String credit = credits.credit(original, reason.getValue(), clock.instant());
      audited(request, original.getSubject().getReference(), List.of(credit, "ChargeItem/" + id.getIdPart()),
          SettlementRules.CORRECTION_CREDITS, "credited: " + reason.getValue());
      return credit;
    });
    return read(ChargeItem.class, created);
  }

  @Operation(name = "$oioubl", type = Invoice.class, idempotent = true)
  public Binary oioubl(@IdParam IdType id, RequestDetails request) {
    Invoice invoice = visible(Invoice.class, "Invoice/" + id.getIdPart(), request);
    Refusals.enforce(OioublInvoice.exportable(invoice));
    Map<String, String> names = new HashMap<>();
    for (Reference party : List.of(invoice.getIssuer(), invoice.getRecipient())) {
      names.put(party.getReference(), read(Organization.class, party.getReference()).getName());
    }
    Binary xml = new Binary().setContentType("application/xml");
    xml.setData(OioublInvoice.xml(invoice, names).getBytes(StandardCharsets.UTF_8));
    xml.setSecurityContext(new Reference("Invoice/" + id.getIdPart()));
    AccessLabels.set(xml, AccessLabels.of(invoice));
    return xml;
  }

  /** A settlement operation that writes is audited in its transaction (reads and refusals as every request). */
  private void audited(RequestDetails request, String citizen, List<String> entities, dk.kfgateway.rules.RuleRef rule,
      String what) {
    Caller.of(request).ifPresent(caller -> audit.record(new AuditRecord("E", "operation", AuditRecord.Outcome.SUCCESS,
        new AuditRecord.Agent(caller.clientId(), caller.role().name(), caller.organization(),
            caller.practitionerRole()), citizen, null, entities, rule.display(what))));
  }

  /** The resource if the caller may see it; otherwise exactly the answer for an unknown id (SEC-004). */
  private <T extends IBaseResource> T visible(Class<T> type, String id, RequestDetails request) {
    T resource = read(type, id);
    restricted.of(request).filter(caller -> !AccessLabels.grants(resource, caller.organization()))
        .ifPresent(caller -> {
          throw HiddenAsUnknown.unknown(id);
        });
    return resource;
  }

  private <T extends IBaseResource> T read(Class<T> type, String id) {
    try {
      return daos.getResourceDao(type).read(new IdType(id), new SystemRequestDetails());
    } catch (BaseServerResponseException e) {
      throw HiddenAsUnknown.unknown(id);
    }
  }

  private static YearMonth month(StringType month) {
    try {
      return YearMonth.parse(month.getValue());
    } catch (DateTimeParseException | NullPointerException e) {
      throw Refusals.toException(Verdict.refused(SettlementRules.MONTH_SETTLED_ONCE,
          "The month to settle is written yyyy-MM, e.g. 2026-02", "month"));
    }
  }
}
