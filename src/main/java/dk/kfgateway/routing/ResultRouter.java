package dk.kfgateway.routing;

import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.ig.Ig;
import dk.kfgateway.routing.ResultRouting.GpClinic;
import dk.kfgateway.routing.ResultRouting.GpConsent;
import dk.kfgateway.routing.ResultRouting.Plan;
import dk.kfgateway.rules.Verdict;
import dk.kfgateway.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Gathers a completed (or followed-up) referral's facts from storage, asks {@link ResultRouting} who gets what, and
 * has {@link CopyWriter} write the copies, all in the caller's database transaction: a refusal rolls everything back.
 */
class ResultRouter {

  static final String OUTPUT_TYPES = Ig.codeSystem("kf-task-output-types");

  private final ResultRouting routing;
  private final RoutingRecords records;
  private final CopyWriter writer;
  private final GpContactConsent consent;
  private final Clock clock;

  ResultRouter(ResultRouting routing, RoutingRecords records, CopyWriter writer, GpContactConsent consent,
      Clock clock) {
    this.routing = routing;
    this.records = records;
    this.writer = writer;
    this.consent = consent;
    this.clock = clock;
  }

  /** The task has just been completed; {@code completedAt} is the moment of the completing version. */
  void onCompletion(Task task, Optional<Caller> caller, Instant completedAt) {
    Optional<Reference> resultRef = resultOf(task);
    if (resultRef.isEmpty()) {
      return; // an abort request: a completion without a result was refused by the workflow step before (WF-006)
    }
    DocumentReference result = records.read(resultRef.get(), DocumentReference.class)
        .filter(doc -> sameTarget(doc.getSubject(), task.getFor()))
        .orElseThrow(() -> Refusals.toException(Verdict.refused(RoutingRules.RESULT_IS_CASE_DOCUMENT,
            "The result in Task.output must be a DocumentReference about the task's citizen", "Task.output")));
    ServiceRequest referral = records.read(task.getFocus().getReference(), ServiceRequest.class);
    Patient patient = records.read(task.getFor().getReference(), Patient.class);
    Optional<Organization> gp = records.gpOf(patient);
    String patientRef = "Patient/" + patient.getIdElement().getIdPart();
    String clinic = organisationOf(task.getOwner());
    GpConsent gpConsent = gp.map(o -> consent.of(patientRef, clinic, completedAt)).orElse(new GpConsent(true, null));
    Plan plan = routing.onCompletion(new ResultRouting.Completion(code(referral),
        typeOf(result), flag(task, "other-treatment-recommended"), flag(task, "citizen-objects-gp-information"),
        gp.map(RoutingRecords::clinic), gpConsent));
    Refusals.enforce(plan.verdict());
    CopyWriter.Case aCase = caseOf(task, resultRef.get().getReference(), patientRef, gp);
    writer.write(aCase, plan.copies(), plan.notes(), completedAt, agent(caller, aCase));
  }

  /** The requesting municipality follows the coordinator's recommendation that the citizen see their GP (§9). */
  List<String> onGpRecommendationFollowed(Task task, Caller caller) {
    Instant now = clock.instant();
    Patient patient = records.read(task.getFor().getReference(), Patient.class);
    Optional<Organization> gp = records.gpOf(patient);
    String patientRef = "Patient/" + patient.getIdElement().getIdPart();
    Optional<GpClinic> clinic = gp.map(RoutingRecords::clinic);
    String sender = organisationOf(task.getOwner());
    GpConsent gpConsent = clinic.map(c -> consent.of(patientRef, sender, now)).orElse(new GpConsent(true, null));
    ServiceRequest referral = records.read(task.getFocus().getReference(), ServiceRequest.class);
    Plan plan = routing.onGpRecommendationFollowed(code(referral), clinic, gpConsent);
    Refusals.enforce(plan.verdict());
    CopyWriter.Case aCase = caseOf(task, resultOf(task).orElseThrow().getReference(), patientRef, gp);
    return writer.write(aCase, plan.copies(), plan.notes(), now, agent(Optional.of(caller), aCase));
  }

  /** A new MedCom message for a GP copy whose delivery was given up, when the secretariat sends it again. */
  GpMessage.Written messageAgain(org.hl7.fhir.r4.model.Communication copy, Caller caller, Instant now) {
    return writer.messageAgain(copy, caller.practitionerRole() != null ? caller.practitionerRole()
        : caller.organization(), now);
  }

  static Optional<Reference> resultOf(Task task) {
    return task.getOutput().stream().filter(o -> o.getValue() instanceof Reference)
        .map(o -> (Reference) o.getValue())
        .filter(r -> r.getReference() != null && r.getReference().startsWith("DocumentReference/")).findFirst();
  }

  /** A boolean recommendation in Task.output (kf-task-output-types). */
  static boolean flag(Task task, String code) {
    return task.getOutput().stream()
        .filter(o -> o.getType().getCoding().stream()
            .anyMatch(c -> OUTPUT_TYPES.equals(c.getSystem()) && code.equals(c.getCode())))
        .anyMatch(o -> o.getValue() instanceof BooleanType b && b.booleanValue());
  }

  private CopyWriter.Case caseOf(Task task, String result, String patient, Optional<Organization> gp) {
    String clinic = organisationOf(task.getOwner());
    String requester = task.getRequester().getReference();
    return new CopyWriter.Case("Task/" + task.getIdElement().getIdPart(), task.getFocus().getReference(), result,
        patient, clinic, organisationOf(task.getRequester()), requester,
        gp.map(o -> RoutingRecords.clinic(o).reference()));
  }

  /** The requesting municipality, "Organization/x". */
  String municipalityOf(Task task) {
    return organisationOf(task.getRequester());
  }

  private String organisationOf(Reference reference) {
    if (reference.getReference().startsWith("Organization/")) {
      return reference.getReference();
    }
    return records.read(reference.getReference(), PractitionerRole.class).getOrganization().getReference();
  }

  private static String agent(Optional<Caller> caller, CopyWriter.Case aCase) {
    return caller.map(c -> c.practitionerRole() != null ? c.practitionerRole() : c.organization())
        .orElse(aCase.clinic());
  }

  private static String code(ServiceRequest referral) {
    return referral.getCode().getCoding().stream().filter(c -> Ig.codeSystem(Ig.CS_SERVICES).equals(c.getSystem()))
        .map(c -> c.getCode()).findFirst().orElse("");
  }

  private static String typeOf(DocumentReference doc) {
    return doc.getType().getCoding().stream().filter(c -> Ig.codeSystem(Ig.CS_DOCUMENT_TYPES).equals(c.getSystem()))
        .map(c -> c.getCode()).findFirst().orElse("");
  }

  private static boolean sameTarget(Reference a, Reference b) {
    return a.getReferenceElement().toUnqualifiedVersionless().getValue()
        .equals(b.getReferenceElement().toUnqualifiedVersionless().getValue());
  }
}
