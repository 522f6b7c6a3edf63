package dk.kfgateway.workflow;

import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import dk.kfgateway.rules.Violation.Kind;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * WF-005: Task.businessStatus holds the outcome of the visitation (returned with a note, assessment on existing
 * information, examination; guide pkt. 8). Only Klinisk Funktion triages, and only a task it has received, so only
 * the owner's side may set or change it, from received on, and only with a code from kf-triage-outcomes.
 */
final class TriageOutcomeRule implements TaskChangeRule {

  private static final Set<TaskStatus> BEFORE_RECEIPT = Set.of(TaskStatus.DRAFT, TaskStatus.REQUESTED);

  @Override
  public Verdict check(TaskChange change) {
    if (!TaskFields.changed(change.before(), change.after(), "businessStatus")) {
      return Verdict.allowed();
    }
    if (!change.actor().isOwnerSide()) {
      return refuse(Kind.NOT_PERMITTED, "Only Klinisk Funktion (CLINIC or SECRETARIAT) records the triage outcome "
          + "(visitation); " + change.actor() + " may not change Task.businessStatus.");
    }
    if (BEFORE_RECEIPT.contains(change.to())) {
      return refuse(Kind.CONFLICT, "A triage outcome can be recorded only once the task is received; mark it "
          + "'received' first (status is '" + change.to().toCode() + "').");
    }
    CodeableConcept outcome = change.after().hasBusinessStatus() ? change.after().getBusinessStatus() : null;
    boolean coded = outcome == null || outcome.getCoding().stream()
        .anyMatch(c -> WorkflowCodes.TRIAGE_OUTCOMES.equals(c.getSystem()) && c.hasCode());
    return coded
        ? Verdict.allowed()
        : refuse(Kind.BUSINESS_RULE, "Task.businessStatus needs a code from " + WorkflowCodes.TRIAGE_OUTCOMES
            + " (returned-with-note, assessment-existing-information, examination).");
  }

  private static Verdict refuse(Kind kind, String message) {
    return Verdict.of(new Violation(WorkflowRules.TRIAGE_OUTCOME, kind, message, "Task.businessStatus"));
  }
}
