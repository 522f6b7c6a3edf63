package dk.kfgateway.referral;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything an intake rule may look at: the submission, the ordered service (empty when the code is not in the
 * catalogue, which REF-001 reports), the instant of submission (never the rule's own clock) and the pages counted
 * once for all documents.
 */
public record IntakeContext(
    ReferralSubmission submission,
    Optional<ServiceDefinition> service,
    Instant submittedAt,
    List<DocumentPages> pages) {

  public IntakeContext {
    pages = List.copyOf(pages);
  }

  /** Pages of all readable documents together. */
  public int totalPages() {
    return pages.stream().mapToInt(p -> p.count().pagesOrZero()).sum();
  }

  /** Each document with its pages, for a caseworker to see what to cut: "document 1 'X': 20 pages; ...". */
  String pageBreakdown() {
    return pages.stream().map(DocumentPages::describe).collect(Collectors.joining("; "));
  }
}
