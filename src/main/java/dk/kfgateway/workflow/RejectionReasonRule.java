package dk.kfgateway.workflow;

import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import dk.kfgateway.rules.Violation.Kind;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * WF-004: a referral is returned (<i>tilbagevist</i>) only with a reason the municipality can act on: a code from
 * kf-rejection-reasons (e.g. missing-specific-consent, guide pkt. 13) and a written note (the <i>begrundet
 * visitationsnotat</i> of guide pkt. 8), both in Task.statusReason.
 */
final class RejectionReasonRule implements TaskChangeRule {

  @Override
  public Verdict check(TaskChange change) {
    if (!change.entering(TaskStatus.REJECTED)) {
      return Verdict.allowed();
    }
    var reason = change.after().hasStatusReason() ? change.after().getStatusReason() : null;
    List<String> missing = new ArrayList<>();
    boolean coded = reason != null && reason.getCoding().stream()
        .anyMatch(c -> WorkflowCodes.REJECTION_REASONS.equals(c.getSystem()) && c.hasCode());
    if (!coded) {
      missing.add("a code from " + WorkflowCodes.REJECTION_REASONS);
    }
    if (reason == null || reason.getText() == null || reason.getText().isBlank()) {
      missing.add("a text explaining the reason to the caseworker");
    }
    if (missing.isEmpty()) {
      return Verdict.allowed();
    }
    return Verdict.of(new Violation(WorkflowRules.REJECTION_REASON, Kind.BUSINESS_RULE,
        "Returning a referral needs a reason in Task.statusReason: " + String.join(" and ", missing) + ".",
        "Task.statusReason"));
  }
}
