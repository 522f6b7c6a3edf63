package dk.kfgateway.referral;

import dk.kfgateway.rules.Verdict;

/**
 * One intake rule for a referral: pure, given everything it may look at in an {@link IntakeContext}. This is also
 * the composition point for rules owned elsewhere (e.g. the meeting lead-time rules of {@code dk.kfgateway.calendar}):
 * pass them to {@link IntakeRules} as extra rules.
 */
@FunctionalInterface
public interface ReferralRule {

  /** Allowed, or refused with every violation of this rule; never throws. */
  Verdict check(IntakeContext context);
}
