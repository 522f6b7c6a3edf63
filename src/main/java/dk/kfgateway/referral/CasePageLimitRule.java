package dk.kfgateway.referral;

import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;

/**
 * REF-004: the documents of a case sent to the coordinator or Klinisk Funktion are at most 75 pages together (guide
 * pkt. 12: "dokumentationen maksimalt har et omfang på 75 sider pr. sag"), whatever the service. Counted from the
 * PDFs, never from the client's page-count extension.
 */
final class CasePageLimitRule implements ReferralRule {

  static final RuleRef RULE = new RuleRef("REF-004", "guide pkt. 12");

  @Override
  public Verdict check(IntakeContext context) {
    if (context.totalPages() <= ServiceDefinition.CASE_PAGE_LIMIT) {
      return Verdict.allowed();
    }
    return Verdict.refused(
        RULE,
        "The case documents have " + context.totalPages() + " pages together, more than the "
            + ServiceDefinition.CASE_PAGE_LIMIT + " pages allowed per case (" + context.pageBreakdown()
            + "). Leave out documents that are not relevant or referred to in a certificate.",
        context.submission().locationOf(context.submission().serviceRequest()));
  }
}
