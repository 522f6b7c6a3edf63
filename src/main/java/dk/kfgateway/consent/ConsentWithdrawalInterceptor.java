package dk.kfgateway.consent;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import dk.kfgateway.pipeline.Step;
import dk.kfgateway.pipeline.Write;
import dk.kfgateway.pipeline.WriteStep;
import dk.kfgateway.workflow.StatusBeforeHold;
import dk.kfgateway.workflow.TaskRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.hl7.fhir.r4.model.Task;

/**
 * Withdrawal and change of consent (guide pkt. 13, CONS-005): when a citizen's Consent is written, in the same
 * database transaction (just before the consent is stored; the rules are given the new version directly), every open
 * task of the citizen whose consent no longer holds goes on hold by the gateway (the deadline clock stops, reason
 * consent-questioned), and every task the gateway held for consent resumes where it was once a consent holds again
 * (the workflow moves the deadline by the time on hold, through its step of the Task update).
 */
public class ConsentWithdrawalInterceptor implements WriteStep {

  private static final Set<TaskStatus> OPEN = Set.of(TaskStatus.RECEIVED, TaskStatus.ACCEPTED, TaskStatus.INPROGRESS);

  private final ConsentDecisions decisions;
  private final CaseRecords records;
  private final TaskRecords taskRecords;
  private final DaoRegistry daos;
  private final ConsentAudit audit;

  ConsentWithdrawalInterceptor(
      ConsentDecisions decisions, CaseRecords records, TaskRecords taskRecords, DaoRegistry daos, ConsentAudit audit) {
    this.decisions = decisions;
    this.records = records;
    this.taskRecords = taskRecords;
    this.daos = daos;
    this.audit = audit;
  }

  @Override
  public Step step() {
    return Step.CONSENT_WITHDRAWAL;
  }

  @Override
  public void apply(Write write) {
    switch (write.phase()) {
      case CREATE -> created(write.resource());
      case UPDATE -> updated(write.previous(), write.resource(), write.request());
      default -> { }
    }
  }

  private void created(IBaseResource resource) {
    if (resource instanceof Consent consent) {
      review(consent);
    }
  }

  private void updated(IBaseResource previous, IBaseResource updated, RequestDetails request) {
    if (updated instanceof Consent consent && !dk.kfgateway.access.Labeller.isLabelling(request)) {
      review(consent);
    }
  }

  /** Holds what a consent no longer covers and resumes what it covers again; also run for consents whose period ran out. */
  void review(Consent changed) {
    String patient = changed.getPatient().getReferenceElement().toUnqualifiedVersionless().getValue();
    String consent = changed.getIdElement().hasIdPart() ? "Consent/" + changed.getIdElement().getIdPart() : null;
    List<Task> held = new ArrayList<>();
    for (Task task : records.tasksOf(patient)) {
      boolean open = OPEN.contains(task.getStatus());
      boolean heldForConsent = task.getStatus() == TaskStatus.ONHOLD && heldForConsent(task);
      if (!open && !heldForConsent) {
        continue;
      }
      ConsentDecision decision = decisions.decideForTask(task, changed);
      if (open && !decision.permit()) {
        hold(task, decision, patient, consent);
        held.add(task);
      } else if (heldForConsent && decision.permit()) {
        resume(task, decision, patient);
      }
    }
  }

  private void hold(Task task, ConsentDecision decision, String patient, String consent) {
    String reason = ConsentRules.HOLD_ON_WITHDRAWAL.display("The citizen's consent no longer holds ("
        + String.join("; ", decision.reasons()) + "); the case is on hold until it is settled");
    task.setStatus(TaskStatus.ONHOLD).setStatusReason(new CodeableConcept(
        new Coding(ConsentCodes.REJECTION_REASONS, ConsentCodes.CONSENT_QUESTIONED, null)).setText(reason));
    daos.getResourceDao(Task.class).update(task, new SystemRequestDetails());
    audit.gatewayMove(ConsentAudit.HOLD, patient, consent, taskId(task), reason);
  }

  private void resume(Task task, ConsentDecision decision, String patient) {
    Optional<TaskStatus> before = StatusBeforeHold.in(taskRecords.versionsSinceHold(task));
    if (before.isEmpty()) {
      return;
    }
    String reason = "[" + ConsentRules.HOLD_ON_WITHDRAWAL.id() + "] Consent holds again: " + decision.display();
    task.setStatus(before.get()).setStatusReason(null);
    daos.getResourceDao(Task.class).update(task, new SystemRequestDetails());
    audit.gatewayMove(ConsentAudit.RESUME, patient, decision.consent().orElse(null), taskId(task), reason);
  }

  private static boolean heldForConsent(Task task) {
    return task.getStatusReason().getCoding().stream().anyMatch(c ->
        ConsentCodes.REJECTION_REASONS.equals(c.getSystem()) && ConsentCodes.CONSENT_QUESTIONED.equals(c.getCode()));
  }

  private static String taskId(Task task) {
    return "Task/" + task.getIdElement().getIdPart();
  }
}
