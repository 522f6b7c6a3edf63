package dk.kfgateway.security;

import dk.kfgateway.rules.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;

/**
 * Tenant isolation (adgang kun til egne sager, bkg 2019 §3): which case data a caller may see, and on whose behalf it
 * may write. Pure: the facts come from a {@link TenancyFacts} port.
 *
 * <ul>
 *   <li>a municipality: the cases it requested (referrals, tasks, documents, consents, citizens) and the copies
 *       addressed to it;
 *   <li>Klinisk Funktion and its secretariat: the tasks their organisation owns and those cases' data (the consent
 *       filter may hide more), and what the clinic sent;
 *   <li>a GP clinic: the Communications addressed to it, the documents they carry and their citizen;
 *   <li>the administrator: no case data, but the audit trail.
 * </ul>
 * Directory and conformance resources (Organization, PractitionerRole, CodeSystem, ...) are shared by all.
 */
public final class TenantPolicy {

  /** Citizen data, visible only to the parties of its case. */
  public static final Set<String> CASE_TYPES =
      Set.of("Patient", "ServiceRequest", "Task", "Consent", "DocumentReference", "Binary", "Communication");

  /** Visible to the administrator only. */
  public static final Set<String> ADMINISTRATOR_TYPES = Set.of("AuditEvent", "Provenance");

  private final SubscriptionCriteriaRule subscriptions = new SubscriptionCriteriaRule();

  public Verdict maySee(Caller caller, IBaseResource resource, TenancyFacts facts) {
    String type = resource.fhirType();
    if (resource instanceof Subscription subscription) {
      return subscriptions.check(caller, subscription.getCriteria(), facts);
    }
    if (ADMINISTRATOR_TYPES.contains(type)) {
      return caller.role() == PartyRole.ADMINISTRATOR ? Verdict.allowed() : notOwn(caller, type);
    }
    if (!CASE_TYPES.contains(type)) {
      return Verdict.allowed();
    }
    return isParty(caller, facts.partiesOf(resource, caller.role())) ? Verdict.allowed() : notOwn(caller, type);
  }

  /** Whether the caller is a party of these facts in its role. */
  static boolean isParty(Caller caller, CaseParties parties) {
    String own = caller.organization();
    return switch (caller.role()) {
      case MUNICIPALITY -> parties.requesters().contains(own) || parties.recipients().contains(own)
          || parties.authors().contains(own);
      case CLINIC, SECRETARIAT -> parties.owners().contains(own) || parties.authors().contains(own);
      case GP -> parties.recipients().contains(own);
      case ADMINISTRATOR -> false;
    };
  }

  /**
   * A write names only the caller's organisation where it says who acts: the requester of a referral or task, the
   * organisation of a consent, the custodian or an author of a document (and a document belongs to one of the caller's
   * cases), the sender of a Communication, the cases a Subscription watches. Task moves are the workflow's (WF-013).
   */
  public Verdict mayWrite(Caller caller, IBaseResource resource, TenancyFacts facts, boolean creating) {
    if (resource instanceof ServiceRequest request) {
      return actsAs(caller, facts, List.of(request.getRequester()), "ServiceRequest.requester");
    }
    if (resource instanceof Task task) {
      return creating ? actsAs(caller, facts, List.of(task.getRequester()), "Task.requester") : Verdict.allowed();
    }
    if (resource instanceof Consent consent) {
      return everyIsOwn(caller, facts, consent.getOrganization(), "Consent.organization");
    }
    if (resource instanceof Communication communication) {
      return actsAs(caller, facts, List.of(communication.getSender()), "Communication.sender");
    }
    if (resource instanceof Subscription subscription) {
      return subscriptions.check(caller, subscription.getCriteria(), facts);
    }
    if (resource instanceof DocumentReference document) {
      return document(caller, document, facts);
    }
    return Verdict.allowed();
  }

  private Verdict document(Caller caller, DocumentReference document, TenancyFacts facts) {
    Verdict author = document.hasCustodian()
        ? actsAs(caller, facts, List.of(document.getCustodian()), "DocumentReference.custodian")
        : actsAs(caller, facts, document.getAuthor(), "DocumentReference.author");
    for (Reference related : document.getContext().getRelated()) {
      String reference = related.getReference();
      if (reference != null && reference.startsWith("ServiceRequest/")
          && !isParty(caller, facts.partiesOf(reference, caller.role()))) {
        author = author.and(Verdict.notPermitted(TenantRules.OWN_CASES_ONLY,
            caller.clientId() + " (" + caller.organization() + ") may attach documents only to its own cases; "
                + reference + " is not one of them", "DocumentReference.context.related"));
      }
    }
    return author;
  }

  private static Verdict actsAs(Caller caller, TenancyFacts facts, List<Reference> who, String location) {
    boolean own = who.stream().map(Reference::getReference).filter(r -> r != null)
        .map(facts::organisationOf).flatMap(Optional::stream).anyMatch(caller::actsFor);
    return own ? Verdict.allowed() : onBehalfOfAnother(caller, location);
  }

  private static Verdict everyIsOwn(Caller caller, TenancyFacts facts, List<Reference> who, String location) {
    boolean own = !who.isEmpty() && who.stream().map(Reference::getReference)
        .allMatch(r -> r != null && facts.organisationOf(r).filter(caller::actsFor).isPresent());
    return own ? Verdict.allowed() : onBehalfOfAnother(caller, location);
  }

  static Verdict onBehalfOfAnother(Caller caller, String location) {
    return Verdict.notPermitted(TenantRules.OWN_ORGANISATION_ONLY,
        caller.clientId() + " acts for " + caller.organization() + " and cannot write on behalf of another"
            + " organisation: " + location + " must be " + caller.organization() + " or one of its people", location);
  }

  static Verdict notOwn(Caller caller, String type) {
    return Verdict.notPermitted(TenantRules.OWN_CASES_ONLY,
        "This " + type + " is not part of a case of " + caller.organization(), type);
  }
}
