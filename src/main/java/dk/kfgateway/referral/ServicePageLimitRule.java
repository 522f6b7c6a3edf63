package dk.kfgateway.referral;

import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;

/**
 * REF-003: a service may allow fewer pages than the 75 of every case: phone sparring with a note dictated to the
 * caseworker at most 25 (guide pkt. 2), with the coordinator's written note at most 50 (guide pkt. 3), so that the
 * coordinator can prepare within the time the service is priced at. Pages are counted from the PDFs.
 */
final class ServicePageLimitRule implements ReferralRule {

  static final String ID = "REF-003";

  @Override
  public Verdict check(IntakeContext context) {
    return context.service()
        .filter(service -> service.maxPages() < ServiceDefinition.CASE_PAGE_LIMIT)
        .filter(service -> context.totalPages() > service.maxPages())
        .map(service -> Verdict.refused(
            new RuleRef(ID, service.source()),
            "The documents for " + service.label() + " have " + context.totalPages() + " pages, more than the "
                + service.maxPages() + " pages this service allows (" + context.pageBreakdown()
                + "). Send only the health information relevant to the questions.",
            context.submission().locationOf(context.submission().serviceRequest())))
        .orElse(Verdict.allowed());
  }
}
