package dk.kfgateway.referral;

import dk.kfgateway.ig.Ig;
import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import java.util.List;
import java.util.function.BiPredicate;
import org.hl7.fhir.r4.model.Task;

/**
 * REF-009: the Task that carries the referral's workflow must fit it, or Klinisk Funktion's work list would show a
 * task for the wrong request, citizen or recipient: intent order, status requested, focus and basedOn the
 * ServiceRequest, for the Patient, an owner (Klinisk Funktion), and nothing yet of what the clinic or the gateway
 * records later (triage outcome, reason, result, deadline). Source: the IG profile kf-task.
 */
final class TaskFitsReferralRule implements ReferralRule {

  static final RuleRef RULE = new RuleRef("REF-009", "IG profile kf-task");

  private record Check(String path, String expectation, BiPredicate<Task, ReferralSubmission> holds) {}

  private static final List<Check> CHECKS = List.of(
      new Check("intent", "must be 'order'", (t, s) -> t.getIntent() == Task.TaskIntent.ORDER),
      new Check("status", "must be 'requested' for a new referral",
          (t, s) -> t.getStatus() == Task.TaskStatus.REQUESTED),
      new Check("focus", "must point to the referral's ServiceRequest",
          (t, s) -> s.refersTo(t.getFocus(), s.serviceRequest())),
      new Check("basedOn", "must point to the referral's ServiceRequest",
          (t, s) -> t.getBasedOn().stream().anyMatch(r -> s.refersTo(r, s.serviceRequest()))),
      new Check("for", "must point to the referral's Patient", (t, s) -> s.namesTheCitizen(t.getFor())),
      new Check("owner", "must name Klinisk Funktion (or a coordinator of it)",
          (t, s) -> t.getOwner().hasReference() || t.getOwner().hasIdentifier()),
      // What Klinisk Funktion and the gateway record later cannot come with the referral (WF-005, WF-006, WF-011).
      new Check("businessStatus", "is the clinic's triage outcome and must be empty in a new referral",
          (t, s) -> !t.hasBusinessStatus()),
      new Check("statusReason", "must be empty in a new referral", (t, s) -> !t.hasStatusReason()),
      new Check("output", "is the clinic's result and must be empty in a new referral", (t, s) -> !t.hasOutput()),
      new Check("restriction", "(the deadline) is set by the gateway on receipt and must be empty",
          (t, s) -> !t.hasRestriction() && t.getExtensionByUrl(Ig.EXT_DEADLINE) == null));

  @Override
  public Verdict check(IntakeContext context) {
    ReferralSubmission submission = context.submission();
    if (submission.task().isEmpty()) {
      return Verdict.refused(RULE, "The Bundle has no Task for the referral: add a Task with focus and basedOn "
          + "pointing to the ServiceRequest.", "Bundle");
    }
    Task task = submission.task().get();
    return CHECKS.stream()
        .filter(check -> !check.holds().test(task, submission))
        .map(check -> Verdict.refused(
            RULE, "Task." + check.path() + " " + check.expectation() + ".",
            submission.locationOf(task) + "." + check.path()))
        .reduce(Verdict.allowed(), Verdict::and);
  }
}
