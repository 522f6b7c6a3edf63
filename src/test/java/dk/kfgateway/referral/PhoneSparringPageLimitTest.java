package dk.kfgateway.referral;

import dk.kfgateway.ig.Ig;

import dk.kfgateway.support.Pdfs;

import static dk.kfgateway.referral.Intake.check;
import static dk.kfgateway.referral.Intake.violationsOf;
import static dk.kfgateway.referral.ReferralBundleBuilder.referral;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import org.hl7.fhir.r4.model.IntegerType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A jobcentre books phone sparring and attaches health documents: at most 25 (guide pkt. 2) or 50 (pkt. 3) pages. */
class PhoneSparringPageLimitTest {

  @Test
  void dictatedSparringWithExactly25PagesIsAccepted() {
    Verdict verdict = check(referral("phone-sparring-dictated")
        .document("Journaludskrift, Holbæk Sygehus", "journal-extract", Pdfs.withPages(20))
        .document("LÆ 265 fra egen læge", "le265", Pdfs.withPages(5)));

    assertThat(verdict.isAllowed()).as(verdict.toString()).isTrue();
  }

  @Test
  void writtenSparringWithExactly50PagesIsAccepted() {
    Verdict verdict = check(referral("phone-sparring-written")
        .document("Epikrise, psykiatrien", "epicrisis", Pdfs.withPages(50)));

    assertThat(verdict.isAllowed()).as(verdict.toString()).isTrue();
  }

  @Nested
  class Refused {

    @Test
    void dictatedSparringWith26PagesNamesEachDocumentAndTheLimit() {
      Verdict verdict = check(referral("phone-sparring-dictated")
          .document("Journaludskrift, Holbæk Sygehus", "journal-extract", Pdfs.withPages(20))
          .documentInBinary("LÆ 265 fra egen læge", "le265", Pdfs.withPages(6)));

      assertThat(violationsOf(verdict, "REF-003")).singleElement().satisfies(v -> {
        assertThat(v.display())
            .contains("26 pages", "25 pages")
            .contains("document 1 'Journaludskrift, Holbæk Sygehus': 20 pages")
            .contains("document 2 'LÆ 265 fra egen læge': 6 pages")
            .contains("source: guide pkt. 2");
      });
      assertThat(verdict.violations()).extracting(v -> v.rule().id()).containsExactly("REF-003");
    }

    @Test
    void writtenSparringWith51PagesBreaksItsLimitOf50() {
      Verdict verdict = check(referral("phone-sparring-written")
          .document("Epikrise, psykiatrien", "epicrisis", Pdfs.withPages(51)));

      assertThat(violationsOf(verdict, "REF-003")).singleElement()
          .extracting(Violation::display).asString()
          .contains("51 pages", "50 pages", "source: guide pkt. 3");
    }

    @Test
    void theClientsPageCountExtensionIsNotBelieved() {
      ReferralBundleBuilder referral = referral("phone-sparring-dictated")
          .document("Journaludskrift", "journal-extract", Pdfs.withPages(30));
      referral.lastDocument().addExtension(Ig.CANONICAL + "/StructureDefinition/kf-page-count", new IntegerType(10));

      assertThat(check(referral).breaks("REF-003")).isTrue();
    }
  }
}
