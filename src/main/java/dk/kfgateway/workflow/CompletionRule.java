package dk.kfgateway.workflow;

import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import dk.kfgateway.rules.Violation.Kind;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * WF-006: a referral is completed when its answer exists (the statement, note or certificate; bkg 2019 §22-§23), so
 * completing it needs at least one Task.output pointing at the result. Routing the result to the municipality, the GP
 * and the citizen is decided elsewhere. Abort requests complete without output: their result is the cancelled task.
 */
final class CompletionRule implements TaskChangeRule {

  @Override
  public Verdict check(TaskChange change) {
    if (!change.entering(TaskStatus.COMPLETED)
        || change.after().hasOutput()
        || AbortRequests.isAbortRequest(change.after())) {
      return Verdict.allowed();
    }
    return Verdict.of(new Violation(WorkflowRules.COMPLETION_OUTPUT, Kind.BUSINESS_RULE,
        "A completed referral needs its result: add the statement or certificate (DocumentReference) as a "
            + "Task.output before completing.",
        "Task.output"));
  }
}
