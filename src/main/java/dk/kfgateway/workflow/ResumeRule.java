package dk.kfgateway.workflow;

import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import dk.kfgateway.rules.Violation.Kind;
import java.util.Set;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * WF-008: a task on hold (<i>i bero</i>, guide pkt. 13) resumes to the state it had before the hold. The table allows
 * every state a hold can come from; when the caller knows the state before the hold (from the Task's history, see
 * {@link StatusBeforeHold}) this rule holds the resume to it. Unknown history: any table move is accepted.
 */
final class ResumeRule implements TaskChangeRule {

  private static final Set<TaskStatus> RESUMED_STATES =
      Set.of(TaskStatus.RECEIVED, TaskStatus.ACCEPTED, TaskStatus.INPROGRESS);

  @Override
  public Verdict check(TaskChange change) {
    boolean resuming = change.from() == TaskStatus.ONHOLD && RESUMED_STATES.contains(change.to());
    if (!resuming) {
      return Verdict.allowed();
    }
    return change.knownStatusBeforeHold()
        .filter(before -> before != change.to())
        .map(before -> Verdict.of(new Violation(WorkflowRules.RESUME_FROM_HOLD, Kind.CONFLICT,
            "The task was '" + before.toCode() + "' before it was put on hold; resume it to '" + before.toCode()
                + "', not '" + change.to().toCode() + "'.",
            "Task.status")))
        .orElse(Verdict.allowed());
  }
}
