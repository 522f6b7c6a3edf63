package dk.kfgateway.referral;

import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import java.util.List;

/**
 * REF-010: every case document is a readable, unencrypted PDF carried in the Bundle. Pages are what the limits of
 * guide pkt. 2, 3 and 12 count, and the IG's kf-documentreference profile sends documents as application/pdf; a
 * document that cannot be opened cannot be counted, nor read by the coordinator.
 */
final class ReadablePdfRule implements ReferralRule {

  static final RuleRef RULE = new RuleRef("REF-010", "guide pkt. 12; IG profile kf-documentreference");

  @Override
  public Verdict check(IntakeContext context) {
    return check(context.pages(), "content.attachment.data or a Binary entry of the Bundle");
  }

  /**
   * The same rule for documents written outside a referral ({@link DocumentContentGuard}).
   *
   * @param sendAs where a readable PDF belongs, for the message
   */
  Verdict check(List<DocumentPages> pages, String sendAs) {
    return pages.stream()
        .filter(p -> p.count() instanceof PageCount.Unreadable)
        .map(p -> Verdict.refused(
            RULE,
            "Case " + p.document().label() + " " + ((PageCount.Unreadable) p.count()).reason()
                + "; send it as a readable, unencrypted PDF in " + sendAs + ".",
            p.document().location() + ".content[0].attachment"))
        .reduce(Verdict.allowed(), Verdict::and);
  }
}
