package dk.kfgateway.referral;

import dk.kfgateway.support.Pdfs;

import static dk.kfgateway.referral.Intake.check;
import static dk.kfgateway.referral.Intake.violationsOf;
import static dk.kfgateway.referral.ReferralBundleBuilder.referral;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.rules.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A jobcentre sends a case to Klinisk Funktion: at most 75 pages per case, whatever the service (guide pkt. 12). */
class CasePageLimitTest {

  @Test
  void seventyFivePagesAcrossThreeDocumentsAreAccepted() {
    Verdict verdict = check(referral("running-case-statement")
        .document("LÆ 125", "le125", Pdfs.withPages(40))
        .document("Epikrise", "epicrisis", Pdfs.withPages(30))
        .documentInBinary("Min plan", "my-plan", Pdfs.withPages(5)));

    assertThat(verdict.isAllowed()).as(verdict.toString()).isTrue();
  }

  @Nested
  class Refused {

    @Test
    void seventySixPagesAcrossDocumentsBreakTheCaseLimit() {
      Verdict verdict = check(referral("running-case-statement")
          .document("LÆ 125", "le125", Pdfs.withPages(40))
          .document("Epikrise", "epicrisis", Pdfs.withPages(30))
          .documentInBinary("Min plan", "my-plan", Pdfs.withPages(6)));

      assertThat(violationsOf(verdict, "REF-004")).singleElement().satisfies(v -> assertThat(v.display())
          .contains("76 pages", "75 pages allowed per case")
          .contains("document 1 'LÆ 125': 40 pages", "document 3 'Min plan': 6 pages")
          .contains("source: guide pkt. 12"));
    }

    @Test
    void aPhoneSparringOver75PagesBreaksBothItsOwnLimitAndTheCaseLimit() {
      Verdict verdict = check(referral("phone-sparring-written")
          .document("Journaludskrift", "journal-extract", Pdfs.withPages(76)));

      assertThat(verdict.violations()).extracting(v -> v.rule().id()).containsExactly("REF-003", "REF-004");
    }
  }
}
