package dk.kfgateway.security;

import dk.kfgateway.access.CitizenReference;
import dk.kfgateway.access.AccessLabels;
import dk.kfgateway.ig.Ig;
import dk.kfgateway.rules.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;

/**
 * Tenant isolation (adgang kun til egne sager, bkg 2019 §3): which case data a caller may see, and on whose behalf it
 * may write. What a caller may see is written on the data as access labels (package {@code access}); this policy reads
 * them. Pure: other facts come from a {@link TenancyFacts} port.
 * Directory and conformance resources (Organization, PractitionerRole, CodeSystem, ...) are shared by all; the audit
 * trail is the administrator's.
 */
public final class TenantPolicy {

  /**
   * What a Binary can belong to: a document of one case, or a message (whether the writer sees it is checked before).
   * Its readers are those of what it names, and a Binary is health content: a document's readers include the clinic only
   * while the case's consent holds. Not a referral, task or consent, which the clinic sees without consent, nor the
   * citizen: every party of any of the citizen's cases sees the citizen, so a Binary of the citizen would reach another
   * municipality as soon as it refers the same CPR.
   */
  private static final Set<String> CASE_DATA = Set.of("DocumentReference", "Communication");

  /** Visible to the administrator only. */
  public static final Set<String> ADMINISTRATOR_TYPES = Set.of("AuditEvent", "Provenance");

  private final SubscriptionCriteriaRule subscriptions = new SubscriptionCriteriaRule();

  /** By the resource's access labels (the audit trail by role): no look-up. */
  public Verdict maySee(Caller caller, IBaseResource resource) {
    String type = resource.fhirType();
    boolean sees = ADMINISTRATOR_TYPES.contains(type) ? caller.role() == PartyRole.ADMINISTRATOR
        : AccessLabels.grants(resource, caller.organization());
    return sees ? Verdict.allowed() : notOwn(caller, type);
  }

  /**
   * A citizen whose cases belong to several municipalities is changed by none of them: each case relies on the
   * citizen as it was referred (its GP gets the certificate copy, bkg 2019 §15 stk. 2). The municipality of every case
   * of the citizen may change it; otherwise a new referral brings the change.
   */
  public Verdict mayChangeCitizen(Caller caller, Patient previous, TenancyFacts facts) {
    String patient = "Patient/" + previous.getIdElement().getIdPart();
    List<String> requesters = facts.requestersOfCasesOf(patient);
    boolean onlyOwn = !requesters.isEmpty() && requesters.stream().allMatch(caller::actsFor);
    return onlyOwn ? Verdict.allowed() : Verdict.notPermitted(TenantRules.SHARED_CITIZEN,
        caller.clientId() + " may not change " + patient + ": the citizen is part of cases of other parties, which"
            + " rely on it as referred (e.g. the GP that receives the certificate copy); the municipality of every"
            + " case may change it, or a new referral brings the change", "Patient");
  }

  /**
   * An update keeps what ties the data to its citizen and case (SEC-011): a citizen's CPR, the citizen of a case
   * resource (a consent, referral, task, document or message moved to another citizen would leave the first one's case
   * file labelled as before), a document's case, a Binary's security context. Refused alike whether or not another
   * record carries the new value, so the answer tells nothing of others.
   */
  public Verdict keepsItsTies(Caller caller, IBaseResource previous, IBaseResource updated) {
    if (previous instanceof Patient before && updated instanceof Patient after
        && !cprs(before).equals(cprs(after))) {
      return tiesChanged(caller, "Patient.identifier", "the citizen's CPR");
    }
    Optional<String> citizenBefore = previous instanceof Task ? Optional.empty() // the workflow's (WF-*)
        : CitizenReference.of(previous).map(TenantPolicy::identity);
    if (citizenBefore.isPresent() && !citizenBefore.equals(CitizenReference.of(updated).map(TenantPolicy::identity))) {
      return tiesChanged(caller, CitizenReference.path(updated), "the citizen a " + updated.fhirType() + " belongs to");
    }
    if (previous instanceof Binary before && updated instanceof Binary after && !java.util.Objects.equals(
        before.getSecurityContext().getReference(), after.getSecurityContext().getReference())) {
      return tiesChanged(caller, "Binary.securityContext", "the case data a Binary belongs to (securityContext)");
    }
    if (previous instanceof PractitionerRole before && updated instanceof PractitionerRole after
        && before.hasOrganization() && !java.util.Objects.equals(before.getOrganization().getReference(),
            after.getOrganization().getReference())) {
      // the cases a coordinator's role owns are labelled for its organisation: moving the role would move them
      return Verdict.notPermitted(TenantRules.CASE_TIES_FIXED, caller.clientId() + " may not change the organisation a"
          + " role is held at: a role at another organisation is a new PractitionerRole (end this one with active=false)",
          "PractitionerRole.organization");
    }
    if (previous instanceof Organization before && updated instanceof Organization after
        && !Ig.organizationTypes(before).equals(Ig.organizationTypes(after))) {
      // who sees a case follows the kind of party an organisation is: a GP clinic made a Klinisk Funktion would be sent
      // referrals and read them
      return Verdict.notPermitted(TenantRules.CASE_TIES_FIXED, caller.clientId() + " may not change what kind of party"
          + " an organisation is (Organization.type, kf-organization-types): register a new Organization instead",
          "Organization.type");
    }
    if (previous instanceof DocumentReference before && updated instanceof DocumentReference after
        && (!references(List.of(before.getSubject())).equals(references(List.of(after.getSubject())))
            || !references(before.getContext().getRelated()).equals(references(after.getContext().getRelated())))) {
      return tiesChanged(caller, "DocumentReference.subject", "a document's citizen and case (subject, context.related)");
    }
    return Verdict.allowed();
  }

  /**
   * A citizen reference that also carries an identifier (a CPR) carries that citizen's own: a system that matches by
   * CPR would otherwise file the data under another citizen. A reference not yet stored (a referral's new citizen) is
   * intake's to check (REF-012).
   */
  public Verdict carriesItsCitizensCpr(Caller caller, IBaseResource resource, TenancyFacts facts) {
    Optional<Reference> citizen = CitizenReference.of(resource)
        .filter(r -> r.hasReference() && r.hasIdentifier() && r.getReference().startsWith("Patient/"));
    if (citizen.isEmpty()) {
      return Verdict.allowed();
    }
    boolean own = facts.stored(new org.hl7.fhir.r4.model.IdType(citizen.get().getReference()).toUnqualifiedVersionless()
            .getValue()).filter(Patient.class::isInstance).map(Patient.class::cast)
        .map(patient -> CitizenReference.carriesOwnIdentifier(citizen.get(), patient))
        .orElse(true);
    return own ? Verdict.allowed() : Verdict.notPermitted(TenantRules.CASE_TIES_FIXED, caller.clientId()
        + " may not write an identifier on " + CitizenReference.path(resource) + " that is not the citizen's own: give"
        + " the Patient's CPR or none", CitizenReference.path(resource) + ".identifier");
  }

  private static java.util.Set<String> cprs(Patient patient) {
    return patient.getIdentifier().stream().filter(i -> dk.kfgateway.ig.Ig.CPR.equals(i.getSystem()))
        .map(org.hl7.fhir.r4.model.Identifier::getValue).collect(java.util.stream.Collectors.toSet());
  }

  private static java.util.Set<String> references(List<Reference> references) {
    return references.stream().filter(r -> r.hasReference() || r.hasIdentifier()).map(TenantPolicy::identity)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** What a reference names: its literal reference and the identifier (a CPR) written on it, both. */
  private static String identity(Reference reference) {
    return reference.getReference() + " " + (reference.hasIdentifier()
        ? reference.getIdentifier().getSystem() + "|" + reference.getIdentifier().getValue() : "");
  }

  private static Verdict tiesChanged(Caller caller, String location, String what) {
    return Verdict.notPermitted(TenantRules.CASE_TIES_FIXED, caller.clientId() + " may not change " + what
        + " by an update; a different citizen or case is a new referral or a new document", location);
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

  /**
   * A new Binary names case data in its security context (SEC-012).
   *
   * @param typeOf the resource type a reference names (in a transaction, that of the entry a {@code urn:uuid} names)
   */
  public Verdict binaryNamesItsCase(Binary binary, Function<String, Optional<String>> typeOf) {
    String context = binary.getSecurityContext().getReference();
    Optional<String> type = context == null ? Optional.empty() : typeOf.apply(context);
    if (type.filter(CASE_DATA::contains).isPresent()) {
      return Verdict.allowed();
    }
    return Verdict.refused(TenantRules.BINARY_NAMES_ITS_CASE,
        "A Binary names the case data it belongs to in Binary.securityContext: the DocumentReference it is the"
            + " content of (or send both in one transaction, the Binary without a securityContext), or the"
            + " Communication it is attached to; "
            + (context == null ? "this one names nothing" : "'" + context + "' is not the data of one case")
            + ", so nobody could read it", "Binary.securityContext");
  }

  private Verdict document(Caller caller, DocumentReference document, TenancyFacts facts) {
    Verdict author = document.hasCustodian()
        ? actsAs(caller, facts, List.of(document.getCustodian()), "DocumentReference.custodian")
        : actsAs(caller, facts, document.getAuthor(), "DocumentReference.author");
    for (Reference related : document.getContext().getRelated()) {
      String reference = related.getReference();
      if (reference != null && reference.startsWith("ServiceRequest/")
          && facts.stored(reference).filter(r -> maySee(caller, r).isAllowed()).isEmpty()) {
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
