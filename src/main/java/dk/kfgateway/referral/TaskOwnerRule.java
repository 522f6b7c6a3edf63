package dk.kfgateway.referral;

import dk.kfgateway.rules.Verdict;
import java.util.function.Predicate;

/**
 * REF-009, the owner of a referral's Task: Klinisk Funktion, as an Organization of type klinisk-funktion or a
 * coordinator's PractitionerRole there. The owner is whom the referral is for and who gets the case file to see; any
 * other organisation (a GP clinic, another municipality) would be handed a case it has no part in, and the task could
 * never be moved to Klinisk Funktion afterwards (WF-003).
 */
final class TaskOwnerRule implements ReferralRule {

  private final Predicate<String> isKliniskFunktion;

  /** @param isKliniskFunktion whether a stored Organization or PractitionerRole is (at) a Klinisk Funktion */
  TaskOwnerRule(Predicate<String> isKliniskFunktion) {
    this.isKliniskFunktion = isKliniskFunktion;
  }

  @Override
  public Verdict check(IntakeContext context) {
    ReferralSubmission submission = context.submission();
    return submission.task().map(task -> {
      String owner = task.getOwner().getReference();
      if (owner == null || isKliniskFunktion.test(owner)) {
        return Verdict.allowed(); // no owner at all is the shape check's (TaskFitsReferralRule)
      }
      return Verdict.refused(TaskFitsReferralRule.RULE, "Task.owner must name Klinisk Funktion (an Organization of"
          + " type klinisk-funktion, or a coordinator's PractitionerRole there); '" + owner + "' is not one",
          submission.locationOf(task) + ".owner");
    }).orElse(Verdict.allowed());
  }
}
