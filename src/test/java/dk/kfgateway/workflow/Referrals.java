package dk.kfgateway.workflow;

import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/** A fictional LÆ 275 referral from Roskilde jobcenter to Klinisk Funktion Holbæk, and the clinic's directory. */
final class Referrals {

  static final String CLINIC = "Organization/kf-holbaek";
  static final String OTHER_CLINIC = "Organization/kf-aarhus";
  static final String COORDINATOR = "PractitionerRole/coordinator-hansen";
  static final String SECRETARY = "PractitionerRole/secretary-jensen";
  static final String AARHUS_COORDINATOR = "PractitionerRole/coordinator-aarhus";
  static final String UNKNOWN = "PractitionerRole/nobody";

  static final OwnerDirectory DIRECTORY = owner -> Optional.ofNullable(Map.of(
      CLINIC, ResolvedOwner.organisation(CLINIC),
      OTHER_CLINIC, ResolvedOwner.organisation(OTHER_CLINIC),
      COORDINATOR, ResolvedOwner.practitionerRole(CLINIC, WorkflowCodes.HEALTH_COORDINATOR),
      SECRETARY, ResolvedOwner.practitionerRole(CLINIC, "secretary"),
      AARHUS_COORDINATOR, ResolvedOwner.practitionerRole(OTHER_CLINIC, WorkflowCodes.HEALTH_COORDINATOR))
      .get(TaskFields.target(owner)));

  static final TaskChangePolicy POLICY = TaskChangePolicy.standard(DIRECTORY);

  private Referrals() {}

  /** The referral Task as stored, in {@code status}. */
  static Task referral(TaskStatus status) {
    Task task = new Task().setStatus(status).setIntent(TaskIntent.ORDER);
    task.setId("Task/le275-1");
    task.setRequester(new Reference("PractitionerRole/caseworker-roskilde"));
    task.setFor(new Reference("Patient/citizen-0101304123"));
    task.setFocus(new Reference("ServiceRequest/le275-1"));
    task.addBasedOn(new Reference("ServiceRequest/le275-1"));
    task.setOwner(new Reference(CLINIC));
    task.addInput().setType(new CodeableConcept().setText("consent"))
        .setValue(new Reference("DocumentReference/consent-1"));
    return task;
  }

  /** A copy of {@code task} moved to {@code status}, carrying what that state needs (reason, result). */
  static Task movedTo(Task task, TaskStatus status) {
    Task moved = task.copy().setStatus(status);
    if (status == TaskStatus.REJECTED) {
      moved.setStatusReason(rejectionReason("missing-specific-consent", "No specific consent (guide pkt. 13)."));
    }
    if (status == TaskStatus.COMPLETED) {
      moved.addOutput().setType(new CodeableConcept().setText("certificate"))
          .setValue(new Reference("DocumentReference/le275-certificate"));
    }
    return moved;
  }

  static CodeableConcept rejectionReason(String code, String text) {
    return new CodeableConcept(new Coding(WorkflowCodes.REJECTION_REASONS, code, null)).setText(text);
  }

  static CodeableConcept triageOutcome(String code) {
    return new CodeableConcept(new Coding(WorkflowCodes.TRIAGE_OUTCOMES, code, null));
  }
}
