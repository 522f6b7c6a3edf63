package dk.kfgateway.workflow;

import dk.kfgateway.ig.Ig;
import dk.kfgateway.rules.Verdict;
import java.util.Objects;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Task;

/**
 * A case can get another deadline than its rule gives, but only with a reason of its own (kf-deadline extension,
 * "reason"), so that the municipality can see why (WF-011); a deadline once set is never removed, nor moved into the
 * past. The kf-deadline
 * extension is the record of how the deadline came about: its rule and source are the gateway's, and the record
 * changes only with the deadline. Who may touch the due date at all is WF-009's business.
 */
final class CaseDeadlineRule {

  private final java.time.Clock clock;

  CaseDeadlineRule(java.time.Clock clock) {
    this.clock = clock;
  }

  Verdict check(TaskChange change) {
    Task before = change.before();
    Task after = change.after();
    if (change.actor() == ActorRole.GATEWAY) {
      return Verdict.allowed();
    }
    if (Objects.equals(due(before), due(after))) {
      return Base.compareDeep(record(before), record(after), true) ? Verdict.allowed() : refused(
          "the kf-deadline extension records how the deadline came about and changes only with the deadline: send it"
              + " as read", "Task.extension('" + Ig.EXT_DEADLINE + "')");
    }
    if (due(after) == null) {
      // "medmindre andet aftales" allows another deadline, not none: the municipality plans by it
      return refused("Task.restriction.period.end was removed: a case keeps a deadline; give another date with a reason"
          + " in the kf-deadline extension ('reason'), or put the task on hold", "Task.restriction.period.end");
    }
    if (due(after).toInstant().isBefore(clock.instant())) {
      // an agreed deadline is one still to come: one already past would mark the case late, or hide that it is
      return refused("Task.restriction.period.end is in the past: another deadline is a date still to come",
          "Task.restriction.period.end");
    }
    if (!Base.compareDeep(part(before, "rule"), part(after, "rule"), true)
        || !Base.compareDeep(part(before, "source"), part(after, "source"), true)) {
      return refused("the kf-deadline extension's 'rule' and 'source' are the gateway's record of the deadline rule:"
          + " send them as read and give only a 'reason'", "Task.extension('" + Ig.EXT_DEADLINE + "')");
    }
    String reason = reason(after);
    if (reason == null) {
      return refused("Task.restriction.period.end was changed without a reason: give one in the kf-deadline extension"
          + " ('reason')", "Task.extension('" + Ig.EXT_DEADLINE + "').extension('reason')");
    }
    if (reason.equalsIgnoreCase(reason(before))) {
      return refused("Task.restriction.period.end was changed with the reason of the deadline before: give the reason"
          + " for this change", "Task.extension('" + Ig.EXT_DEADLINE + "').extension('reason')");
    }
    return Verdict.allowed();
  }

  private static Verdict refused(String message, String location) {
    return Verdict.refused(WorkflowRules.CASE_DEADLINE_REASON, message, location);
  }

  private static java.util.Date due(Task task) {
    return task.getRestriction().getPeriod().getEnd();
  }

  private static Extension record(Task task) {
    return task.getExtensionByUrl(Ig.EXT_DEADLINE);
  }

  private static Base part(Task task, String name) {
    Extension record = record(task);
    Extension part = record == null ? null : record.getExtensionByUrl(name);
    return part == null ? null : part.getValue();
  }

  private static String reason(Task task) {
    Base value = part(task, "reason");
    String text = value == null ? null : value.primitiveValue();
    // compared without regard to case or spacing: "aftalt med kommunen" is the reason "Aftalt  med kommunen" again
    return text == null || text.isBlank() ? null : text.strip().replaceAll("\\s+", " ");
  }
}
