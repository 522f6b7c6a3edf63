package dk.kfgateway.referral;

import dk.kfgateway.support.Pdfs;

import static dk.kfgateway.referral.Intake.check;
import static dk.kfgateway.referral.Intake.violationsOf;
import static dk.kfgateway.referral.ReferralBundleBuilder.referral;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.rules.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A jobcentre attaches something Klinisk Funktion cannot open; it is reported, never thrown. */
class UnreadableDocumentTest {

  private final ReferralBundleBuilder referral = referral("running-case-statement")
      .document("LÆ 125", "le125", Pdfs.withPages(3));

  @Nested
  class Refused {

    @Test
    void aWordFileInsteadOfAPdf() {
      Verdict verdict = check(referral.document("Arbejdsanamnese", "note", Pdfs.notAPdf()));

      assertThat(violationsOf(verdict, "REF-010")).singleElement().satisfies(v -> {
        assertThat(v.display()).contains("document 2 'Arbejdsanamnese' is not a PDF",
            "source: guide pkt. 12; IG profile kf-documentreference");
        assertThat(v.location()).endsWith(".content[0].attachment");
      });
    }

    @Test
    void aPasswordProtectedPdf() {
      Verdict verdict = check(referral.document("Journaludskrift", "journal-extract", Pdfs.passwordProtected(2)));

      assertThat(violationsOf(verdict, "REF-010")).singleElement()
          .satisfies(v -> assertThat(v.message()).contains("'Journaludskrift' is password-protected"));
    }

    @Test
    void aDamagedPdf() {
      assertThat(check(referral.document("Epikrise", "epicrisis", Pdfs.damaged())).breaks("REF-010")).isTrue();
    }

    @Test
    void anImageDeclaredAsSuch() {
      referral.document("Scannet attest", "le265", Pdfs.withPages(1));
      referral.lastDocument().getContentFirstRep().getAttachment().setContentType("image/jpeg");

      assertThat(violationsOf(check(referral), "REF-010")).singleElement()
          .satisfies(v -> assertThat(v.message()).contains("declared as 'image/jpeg'"));
    }

    @Test
    void aBinaryThatIsNotInTheBundle() {
      referral.document("Min plan", "my-plan", null);
      referral.lastDocument().getContentFirstRep().getAttachment().setUrl("Binary/not-sent");

      assertThat(violationsOf(check(referral), "REF-010")).singleElement()
          .satisfies(v -> assertThat(v.message()).contains("points to 'Binary/not-sent'"));
    }

    @Test
    void unreadableDocumentsDoNotCountTowardsThePageLimits() {
      Verdict verdict = check(referral.document("Arbejdsanamnese", "note", Pdfs.notAPdf()));

      assertThat(verdict.violations()).extracting(v -> v.rule().id()).containsExactly("REF-010");
    }
  }
}
