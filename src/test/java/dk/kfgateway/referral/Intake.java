package dk.kfgateway.referral;

import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The intake rules as the gateway runs them, over the test catalogue, with nothing stored on the server. */
final class Intake {

  /** A weekday well before the obviously-pointless statement is discontinued. */
  static final Instant SUBMITTED = Instant.parse("2026-03-10T10:00:00Z");

  private static final IntakeRules RULES = IntakeRules.standard(TestCatalogue.catalogue(), ref -> Optional.empty());

  private Intake() {}

  static Verdict check(ReferralBundleBuilder referral) {
    return check(referral, SUBMITTED);
  }

  static Verdict check(ReferralBundleBuilder referral, Instant submittedAt) {
    return RULES.check(referral.submission(), submittedAt);
  }

  /** The violations of one rule, to assert on their messages. */
  static List<Violation> violationsOf(Verdict verdict, String ruleId) {
    return verdict.violations().stream().filter(v -> v.rule().id().equals(ruleId)).toList();
  }
}
