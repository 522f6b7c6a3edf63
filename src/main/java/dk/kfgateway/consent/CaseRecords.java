package dk.kfgateway.consent;

import dk.kfgateway.facts.CaseFacts;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Task;

/**
 * What the consent rules read from storage, through the request's {@link CaseFacts}: searches over what has committed,
 * or, {@link #inline()}, over what the current write has stored too (for hooks that must see a citizen and tasks
 * posted in the same referral Bundle as the consent).
 */
class CaseRecords {

  private final CaseFacts facts;

  CaseRecords(CaseFacts facts) {
    this.facts = facts;
  }

  /** The same records, searched in the caller's transaction. */
  CaseRecords inline() {
    return new CaseRecords(facts.inThisWrite());
  }

  List<Consent> consentsOf(String patient) {
    return facts.referring(Consent.class, "patient", patient);
  }

  List<Task> tasksOf(String patient) {
    return facts.referring(Task.class, "patient", patient);
  }

  /** The roles people have at an organisation, e.g. the GPs of a GP clinic. */
  List<PractitionerRole> rolesAt(String organization) {
    return facts.referring(PractitionerRole.class, "organization", organization);
  }

  /** The stored citizen with this CPR (or other identifier), for a referral that creates the citizen conditionally. */
  Optional<String> patientWith(String system, String value) {
    return facts.citizenWith(system, value);
  }

  <T extends IBaseResource> Optional<T> read(String reference, Class<T> type) {
    return facts.read(reference, type);
  }

  /** The resource, or HAPI's own answer for an unknown (404) or deleted (410) id, exactly as a read gets it. */
  <T extends IBaseResource> T require(IdType id, Class<T> type) {
    return facts.require(id, type);
  }
}
