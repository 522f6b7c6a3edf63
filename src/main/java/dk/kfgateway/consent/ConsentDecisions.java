package dk.kfgateway.consent;

import dk.kfgateway.referral.ReferralFields;
import dk.kfgateway.referral.ServiceCatalogue;
import dk.kfgateway.referral.ServiceDefinition;
import dk.kfgateway.workflow.OwnerDirectory;
import dk.kfgateway.workflow.ResolvedOwner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The one place where the gateway decides on consent (samtykke): reads the citizen's Consents from storage and asks
 * {@link ConsentPolicy}. Used by intake and triage, the EHR's look-up operation, the release of a case's documents and
 * citizen to the clinic, withdrawal, GP contact (also by routing) and the independence rules.
 */
public class ConsentDecisions {

  private final CaseRecords records;
  private final ConsentPolicy policy;
  private final ServiceCatalogue catalogue;
  private final OwnerDirectory owners;
  private final Clock clock;

  ConsentDecisions(
      CaseRecords records, ConsentPolicy policy, ServiceCatalogue catalogue, OwnerDirectory owners, Clock clock) {
    this.records = records;
    this.policy = policy;
    this.catalogue = catalogue;
    this.owners = owners;
    this.clock = clock;
  }

  /** Decides on the stored consents, without the specific-wording requirement of LÆ 275 and lægeskøn. */
  public ConsentDecision decide(ConsentQuestion question) {
    return decide(question, false);
  }

  public ConsentDecision decide(ConsentQuestion question, boolean specificWording) {
    return policy.decide(records.consentsOf(question.patient()), question, specificWording);
  }

  /**
   * As {@link #decide(ConsentQuestion, boolean)}, counting the consents that arrive with the request too, and the
   * stored ones only when the citizen is stored already; only the consents of the task's municipality count.
   */
  ConsentDecision decide(ConsentQuestion question, boolean specificWording, List<Consent> arriving,
      boolean citizenStored, Task task) {
    List<Consent> all = new ArrayList<>(arriving);
    if (citizenStored) {
      all.addAll(records.consentsOf(question.patient()));
    }
    return policy.decide(ofTheCase(task, all), question, specificWording);
  }

  /**
   * Whether the task's clinic (its owner organisation, and the named coordinator when the owner is one) may have the
   * citizen's information now, with the specific wording where the task's service needs it.
   */
  public ConsentDecision decideForTask(Task task) {
    return decideForTask(task, (Consent) null);
  }

  public ConsentDecision decideForTask(Task task, String organization, String practitionerRole) {
    return decideForTask(task, organization, practitionerRole, null);
  }

  /** With {@code changed} in place of its stored version: the consent being written in this transaction. */
  ConsentDecision decideForTask(Task task, Consent changed) {
    return decideForTask(task, ownerOrganisation(task), ownerPerson(task), changed);
  }

  /**
   * As {@link #decideForTask(Task)} for a referral's task before anything of the referral is stored: over the consents
   * arriving with it alone, with the service of the referral in hand.
   */
  ConsentDecision decideArriving(Task task, ServiceRequest referral, List<Consent> arriving) {
    ConsentQuestion question = questionFor(task, task.getFor().getReference());
    boolean specific = ReferralFields.serviceCode(referral).flatMap(catalogue::find)
        .map(ServiceDefinition::specificConsent).orElse(false);
    return policy.decide(ofTheCase(task, arriving), question, specific);
  }

  /**
   * Whether the task's clinic (its owner organisation, and the named coordinator when the owner is one) may have
   * {@code citizen}'s information now: a coordinator's role counts as its clinic, as a consent names the clinic.
   */
  ConsentQuestion questionFor(Task task, String citizen) {
    return new ConsentQuestion(citizen, ownerOrganisation(task), ownerPerson(task), ConsentCodes.INFORMATION_EXCHANGE,
        clock.instant());
  }

  private String ownerOrganisation(Task task) {
    return owners.find(task.getOwner()).map(ResolvedOwner::organisation).orElse(task.getOwner().getReference());
  }

  /** The named coordinator, when the task's owner is one. */
  private static String ownerPerson(Task task) {
    String owner = task.getOwner().getReference();
    return owner != null && owner.startsWith("PractitionerRole/") ? owner : null;
  }

  private ConsentDecision decideForTask(Task task, String organization, String practitionerRole, Consent changed) {
    String patient = task.getFor().getReferenceElement().toUnqualifiedVersionless().getValue();
    ConsentQuestion question = new ConsentQuestion(
        patient, organization, practitionerRole, ConsentCodes.INFORMATION_EXCHANGE, clock.instant());
    List<Consent> consents = new ArrayList<>(records.consentsOf(patient));
    if (changed != null) {
      String id = changed.getIdElement().getIdPart();
      consents.removeIf(c -> c.getIdElement().getIdPart().equals(id));
      consents.add(changed);
    }
    return policy.decide(ofTheCase(task, consents), question, specificConsentRequired(task));
  }

  /**
   * A consent belongs to the cases of the municipality that registered it (guide pkt. 13: the municipality documents
   * the citizen's consent for its case): another party's consent for the same citizen neither releases nor resumes it.
   */
  private List<Consent> ofTheCase(Task task, List<Consent> consents) {
    String requester = task.getRequester().getReference();
    String municipality = owners.find(task.getRequester()).map(ResolvedOwner::organisation).orElse(requester);
    return consents.stream().filter(c -> c.getOrganization().stream()
        .anyMatch(o -> municipality != null && municipality.equals(o.getReference()))).toList();
  }

  public boolean holdsForTask(Task task) {
    return decideForTask(task).permit();
  }

  /**
   * May this organisation contact the citizen's GP now (a GP-directed communication other than the certificate copy)?
   * Needs a consent in force naming the organisation, with the citizen's written consent to GP contact (CONS-004).
   */
  public ConsentDecision gpContact(String patient, String organization) {
    return gpContact(patient, organization, clock.instant());
  }

  /** As {@link #gpContact(String, String)} at a given moment, e.g. the completion of the case. */
  public ConsentDecision gpContact(String patient, String organization, java.time.Instant at) {
    return decide(new ConsentQuestion(patient, organization, null, ConsentCodes.GP_CONTACT, at));
  }

  /** True when the task's service needs the consent with the standard form's wording (LÆ 275, lægeskøn). */
  public boolean specificConsentRequired(Task task) {
    return records.read(task.getFocus().getReference(), ServiceRequest.class)
        .flatMap(ReferralFields::serviceCode)
        .flatMap(catalogue::find)
        .map(ServiceDefinition::specificConsent)
        .orElse(false);
  }

  /** The same decisions over other records (e.g. read in the caller's transaction). */
  ConsentDecisions over(CaseRecords other) {
    return new ConsentDecisions(other, policy, catalogue, owners, clock);
  }

  Optional<ServiceDefinition> service(String code) {
    return catalogue.find(code);
  }
}
