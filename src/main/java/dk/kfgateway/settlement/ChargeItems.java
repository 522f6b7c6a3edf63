package dk.kfgateway.settlement;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import dk.kfgateway.access.AccessLabels;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.ChargeItem.ChargeItemStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The ChargeItems in HAPI's store, written and read as the gateway (no caller): one per billable event, never
 * changed in amount; a correction is a new ChargeItem with the negative quantity and amount, {@code partOf} the one it
 * corrects. Each carries the access labels of its municipality and its region, so that searches are narrowed to them.
 */
public class ChargeItems {

  public static final String IDENTIFIER = dk.kfgateway.ig.Ig.CANONICAL + "/charge-item";
  public static final String PRICE_RULE = dk.kfgateway.ig.Ig.structureDefinition("kf-price-rule");

  private final DaoRegistry daos;

  public ChargeItems(DaoRegistry daos) {
    this.daos = daos;
  }

  /** Who the item is about and for whom. */
  public record Parties(String patient, String municipality, String region, List<String> about) {}

  /** Writes the item unless one with this identifier exists (a repeated write bills once); its id, or null. */
  public String write(PricedCharge priced, Parties parties, String identifier, Instant now, ChargeItem corrected) {
    if (!byIdentifier(identifier).isEmpty()) {
      return null;
    }
    Charge charge = priced.charge();
    ChargeItem item = new ChargeItem();
    item.addIdentifier().setSystem(IDENTIFIER).setValue(identifier);
    dk.kfgateway.rules.RuleRef ruleRef = corrected != null ? SettlementRules.CORRECTION_CREDITS : charge.code().rule();
    Extension rule = item.addExtension().setUrl(PRICE_RULE);
    rule.addExtension("rule", new Coding(SettlementRules.SYSTEM, ruleRef.id(), null));
    rule.addExtension("source", new StringType(ruleRef.source()));
    item.setStatus(priced.billable() ? ChargeItemStatus.BILLABLE : ChargeItemStatus.NOTBILLABLE)
        .addDefinitionCanonical(charge.code().definition())
        .setCode(new CodeableConcept(new Coding(ChargeCode.SYSTEM, charge.code().code(), null)))
        .setSubject(new Reference(parties.patient()))
        .setOccurrence(new org.hl7.fhir.r4.model.DateTimeType(Date.from(charge.occurrence())))
        .setPerformingOrganization(new Reference(parties.region()))
        .setRequestingOrganization(new Reference(parties.municipality()))
        .setQuantity(new Quantity().setValue(charge.quantity()).setUnit(charge.code().unit()))
        .setPriceOverride(new org.hl7.fhir.r4.model.Money().setValue(priced.total()).setCurrency(Money.CURRENCY))
        .setOverrideReason("The price of the agreement in the year of the event")
        .setEnteredDate(Date.from(now))
        .setNote(List.of(new Annotation().setText(priced.note())));
    parties.about().forEach(r -> item.addSupportingInformation(new Reference(r)));
    if (corrected != null) {
      item.addPartOf(new Reference("ChargeItem/" + corrected.getIdElement().getIdPart()));
    }
    AccessLabels.set(item, labels(parties.municipality(), parties.region()));
    return dao().create(item, new SystemRequestDetails()).getId().toUnqualifiedVersionless().getValue();
  }

  static Set<String> labels(String... organisations) {
    Set<String> codes = new TreeSet<>();
    for (String organisation : organisations) {
      codes.add(AccessLabels.code(organisation));
    }
    return codes;
  }

  public List<ChargeItem> byIdentifier(String identifier) {
    return search(SearchParameterMap.newSynchronous("identifier", new TokenParam(IDENTIFIER, identifier)));
  }

  /** The items written for a task. */
  public List<ChargeItem> ofTask(String task) {
    return search(SearchParameterMap.newSynchronous("task", new ReferenceParam(task)));
  }

  /** The earlier started coordinator cases of a citizen with a municipality. */
  public List<ChargeItem> startedCases(String patient, String municipality) {
    return search(SearchParameterMap.newSynchronous("patient", new ReferenceParam(patient))
        .add("requesting-organization", new ReferenceParam(municipality))
        .add("code", new TokenParam(ChargeCode.SYSTEM, ChargeCode.STARTED_COORDINATOR_CASE.code())));
  }

  /** Billable items of a municipality that happened before this moment and are on no invoice yet. */
  public List<ChargeItem> billableBefore(String municipality, Instant end) {
    return search(SearchParameterMap.newSynchronous("requesting-organization", new ReferenceParam(municipality))
        .add("status", new TokenParam("billable"))
        .add("occurrence", new DateParam(ParamPrefixEnum.LESSTHAN, Date.from(end))));
  }

  /** Every item of a charge code of a municipality that happened in [from, to): counted, whatever their status. */
  public List<ChargeItem> of(String municipality, ChargeCode code, Instant from, Instant to) {
    return search(SearchParameterMap.newSynchronous("requesting-organization", new ReferenceParam(municipality))
        .add("code", new TokenParam(ChargeCode.SYSTEM, code.code()))
        .add("occurrence", new ca.uhn.fhir.rest.param.DateRangeParam(
            new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, Date.from(from)),
            new DateParam(ParamPrefixEnum.LESSTHAN, Date.from(to)))));
  }

  public ChargeItem read(String id) {
    return dao().read(new org.hl7.fhir.r4.model.IdType(id), new SystemRequestDetails());
  }

  /** Marks an item as on an invoice: its status only, never its amount. */
  void billed(ChargeItem item) {
    item.setStatus(ChargeItemStatus.BILLED);
    dao().update(item, new SystemRequestDetails());
  }

  private List<ChargeItem> search(SearchParameterMap map) {
    map.setLoadSynchronousUpTo(10_000);
    return dao().searchForResources(map, new SystemRequestDetails()).stream().map(ChargeItem.class::cast).toList();
  }

  private IFhirResourceDao<ChargeItem> dao() {
    return daos.getResourceDao(ChargeItem.class);
  }
}
