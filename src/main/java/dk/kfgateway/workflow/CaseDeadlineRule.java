package dk.kfgateway.workflow;

import dk.kfgateway.ig.Ig;
import dk.kfgateway.rules.Verdict;
import java.util.Objects;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Task;

/**
 * A case can get another deadline than its rule gives, but only with a reason (kf-deadline extension, "reason"), so that
 * the municipality can see why (WF-011); a deadline once set is never removed. Who may touch the due date at all is
 * WF-009's business.
 */
final class CaseDeadlineRule {

  Verdict check(TaskChange change) {
    if (Objects.equals(due(change.before()), due(change.after())) || change.actor() == ActorRole.GATEWAY) {
      return Verdict.allowed();
    }
    if (due(change.after()) == null) {
      // "medmindre andet aftales" allows another deadline, not none: the municipality plans by it
      return Verdict.refused(WorkflowRules.CASE_DEADLINE_REASON,
          "Task.restriction.period.end was removed: a case keeps a deadline; give another date with a reason in the"
              + " kf-deadline extension ('reason'), or put the task on hold", "Task.restriction.period.end");
    }
    if (hasReason(change.after())) {
      return Verdict.allowed();
    }
    return Verdict.refused(
        WorkflowRules.CASE_DEADLINE_REASON,
        "Task.restriction.period.end was changed without a reason: give one in the kf-deadline extension ('reason')",
        "Task.extension('" + Ig.EXT_DEADLINE + "').extension('reason')");
  }

  private static java.util.Date due(Task task) {
    return task.getRestriction().getPeriod().getEnd();
  }

  private static boolean hasReason(Task task) {
    Extension deadline = task.getExtensionByUrl(Ig.EXT_DEADLINE);
    return deadline != null
        && deadline.getExtensionByUrl("reason") != null
        && !deadline.getExtensionByUrl("reason").getValue().isEmpty();
  }
}
