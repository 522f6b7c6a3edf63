package dk.kfgateway.referral;

import dk.kfgateway.support.Pdfs;

import static dk.kfgateway.referral.Intake.check;
import static dk.kfgateway.referral.Intake.violationsOf;
import static dk.kfgateway.referral.ReferralBundleBuilder.referral;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.rules.Violation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A jobcentre attaches case documents, each of which must show when it was written and by whom and be named
 * (guide pkt. 12: "korrekt dateret og navngivet").
 */
class DocumentMetadataTest {

  private final ReferralBundleBuilder referral = referral("running-case-statement")
      .document("LÆ 125 fra egen læge", "le125", Pdfs.withPages(3))
      .document("Epikrise, ortopædkirurgisk", "epicrisis", Pdfs.withPages(2));

  private final DocumentReference second = referral.lastDocument();

  @Test
  void datedTitledTypedAndAuthoredDocumentsAreAccepted() {
    assertThat(check(referral).isAllowed()).isTrue();
  }

  @Test
  void theDescriptionMayNameTheDocumentWhenTheAttachmentHasNoTitle() {
    second.getContentFirstRep().getAttachment().setTitle(null);
    second.setDescription("Epikrise, ortopædkirurgisk");

    assertThat(check(referral).isAllowed()).isTrue();
  }

  @Nested
  class Refused {

    @Test
    void anUndatedDocumentIsNamedByTitleAndPosition() {
      second.setDate(null);

      assertThat(violationsOf(check(referral), "REF-005")).singleElement().satisfies(v -> {
        assertThat(v.display())
            .contains("document 2 'Epikrise, ortopædkirurgisk' has no date", "source: guide pkt. 12");
        assertThat(v.location()).endsWith(".date");
      });
    }

    @Test
    void anUntitledDocumentIsNamedByPosition() {
      second.getContentFirstRep().getAttachment().setTitle(null);

      assertThat(violationsOf(check(referral), "REF-005")).singleElement()
          .satisfies(v -> assertThat(v.message()).contains("document 2 (untitled) has no title"));
    }

    @Test
    void aDocumentWithoutAuthorDoesNotShowWhoWroteIt() {
      second.getAuthor().clear();

      assertThat(violationsOf(check(referral), "REF-005")).singleElement()
          .satisfies(v -> assertThat(v.message()).contains("has no author"));
    }

    @Test
    void aDocumentWithoutKfDocumentTypeIsUntyped() {
      second.setType(new CodeableConcept().setText("epikrise"));

      assertThat(violationsOf(check(referral), "REF-005")).singleElement()
          .satisfies(v -> assertThat(v.message()).contains("has no document type from kf-document-types"));
    }

    @Test
    void everyMissingItemOfADocumentIsReportedOnce() {
      second.setDate(null).setType(null).getAuthor().clear();
      second.getContentFirstRep().getAttachment().setTitle(null);

      assertThat(violationsOf(check(referral), "REF-005")).extracting(Violation::location)
          .hasSize(4)
          .allMatch(location -> location.startsWith("Bundle.entry[7].resource."));
    }
  }
}
