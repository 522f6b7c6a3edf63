package dk.kfgateway.referral;

import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import java.util.List;
import java.util.function.Predicate;

/**
 * REF-005: every case document is dated, titled, typed and has an author. Guide pkt. 12: documents "skal være
 * korrekt dateret og navngivet ... Det skal fremgå af det enkelte dokument, hvornår det er udarbejdet og af hvem".
 * One violation per missing item per document, so the caseworker sees exactly what to fill in.
 */
final class DocumentMetadataRule implements ReferralRule {

  static final RuleRef RULE = new RuleRef("REF-005", "guide pkt. 12");

  private record Item(String path, String missing, Predicate<SubmittedDocument> present) {}

  private static final List<Item> ITEMS = List.of(
      new Item("date", "has no date (when it was written)", d -> d.resource().hasDate()),
      new Item("content[0].attachment.title", "has no title", d -> d.title().isPresent()),
      new Item("type", "has no document type from kf-document-types (e.g. le125, epicrisis)",
          d -> d.typeCode().isPresent()),
      new Item("author", "has no author (who wrote it)", DocumentMetadataRule::hasAuthor));

  @Override
  public Verdict check(IntakeContext context) {
    return context.submission().documents().stream()
        .flatMap(document -> ITEMS.stream()
            .filter(item -> !item.present().test(document))
            .map(item -> Verdict.refused(
                RULE,
                "Case " + document.label() + " " + item.missing() + ".",
                document.location() + "." + item.path())))
        .reduce(Verdict.allowed(), Verdict::and);
  }

  /** An author by reference, identifier or at least a name: "af hvem". */
  private static boolean hasAuthor(SubmittedDocument document) {
    return document.resource().getAuthor().stream()
        .anyMatch(author -> author.hasReference() || author.hasIdentifier() || author.hasDisplay());
  }
}
