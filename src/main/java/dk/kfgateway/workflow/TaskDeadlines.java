package dk.kfgateway.workflow;

import dk.kfgateway.calendar.DeadlinePolicy;
import dk.kfgateway.ig.Ig;
import dk.kfgateway.referral.ReferralFields;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

/**
 * Keeps a task's due date (frist) in Task.restriction.period.end with its rule and source in the kf-deadline
 * extension: set on receipt from the service's deadline rule, moved by the time a task spent on hold when it resumes.
 */
final class TaskDeadlines {

  private final DeadlinePolicy policy;
  private final java.util.function.Function<String, Optional<String>> ruleOfService;

  TaskDeadlines(DeadlinePolicy policy, java.util.function.Function<String, Optional<String>> ruleOfService) {
    this.policy = policy;
    this.ruleOfService = ruleOfService;
  }

  /** On receipt: the deadline of the service's rule, unless the clinic gave a case-specific one with the move. */
  void onReceipt(Task task, ServiceRequest referral, String municipality, Instant received) {
    if (task.getRestriction().getPeriod().getEnd() != null) {
      return;
    }
    Optional<String> rule = ReferralFields.serviceCode(referral).flatMap(ruleOfService);
    Optional<Instant> meeting = ReferralFields.meeting(referral);
    rule.flatMap(code -> policy.atReceipt(code, municipality, received, meeting)).ifPresent(due -> record(task, due));
  }

  /** On resumption after on-hold: the time that was left at the hold is counted again from now (guide pkt. 13). */
  void onResume(Task task, List<Task> versionsNewestFirst, String municipality, Instant resumed) {
    Date due = task.getRestriction().getPeriod().getEnd();
    Optional<Instant> holdStart = TaskRecords.holdStart(versionsNewestFirst);
    Extension deadline = task.getExtensionByUrl(Ig.EXT_DEADLINE);
    if (due == null || holdStart.isEmpty() || deadline == null || deadline.getExtensionByUrl("rule") == null) {
      return;
    }
    String rule = ((Coding) deadline.getExtensionByUrl("rule").getValue()).getCode();
    Instant moved = policy.afterPause(rule, municipality, due.toInstant(), holdStart.get(), resumed);
    task.getRestriction().getPeriod().setEnd(Date.from(moved));
  }

  private static void record(Task task, DeadlinePolicy.Due due) {
    task.getRestriction().getPeriod().setEnd(Date.from(due.at()));
    task.getExtension().removeIf(e -> Ig.EXT_DEADLINE.equals(e.getUrl()));
    Extension deadline = task.addExtension().setUrl(Ig.EXT_DEADLINE);
    deadline.addExtension("rule", new Coding(Ig.codeSystem(Ig.CS_DEADLINE_RULES), due.ruleCode(), null));
    deadline.addExtension("source", new StringType(due.source()));
  }
}
