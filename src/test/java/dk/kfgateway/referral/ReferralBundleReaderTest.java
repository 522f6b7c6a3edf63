package dk.kfgateway.referral;

import dk.kfgateway.support.Pdfs;

import static dk.kfgateway.referral.ReferralBundleBuilder.referral;
import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** The gateway reads a referral out of the transaction Bundle a jobcentre posts. */
class ReferralBundleReaderTest {

  private final ReferralBundleReader reader = new ReferralBundleReader();

  @Test
  void aBundleWithoutServiceRequestIsNotAReferral() {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    bundle.addEntry().setFullUrl("urn:uuid:6c2f5a4e-0000-4000-8000-000000000001").setResource(new Patient());

    assertThat(reader.read(bundle)).isEmpty();
  }

  @Test
  void theReferralsResourcesAreFoundByTheirUrnUuidReferences() {
    ReferralBundleBuilder referral = referral("phone-sparring-dictated");

    ReferralSubmission submission = reader.read(referral.build()).orElseThrow();

    assertThat(submission.serviceRequest()).isSameAs(referral.serviceRequest());
    assertThat(submission.task()).containsSame(referral.task());
    assertThat(submission.patient()).isPresent();
    assertThat(submission.consent()).isPresent();
    assertThat(submission.serviceCode()).contains("phone-sparring-dictated");
    assertThat(submission.resolve(referral.serviceRequest().getRequester())).containsSame(referral.caseworker());
  }

  @Test
  void documentsAreNumberedInBundleOrderWithTheirPdfFromDataOrFromABinaryEntry() {
    byte[] inline = Pdfs.withPages(1);
    byte[] inBinary = Pdfs.withPages(2);

    ReferralSubmission submission = referral("running-case-statement")
        .document("LÆ 125", "le125", inline)
        .documentInBinary("Epikrise", "epicrisis", inBinary)
        .submission();

    assertThat(submission.documents()).extracting(SubmittedDocument::label)
        .containsExactly("document 1 'LÆ 125'", "document 2 'Epikrise'");
    assertThat(submission.documents().get(0).content()).hasValueSatisfying(b -> assertThat(b).isEqualTo(inline));
    assertThat(submission.documents().get(1).content()).hasValueSatisfying(b -> assertThat(b).isEqualTo(inBinary));
    assertThat(submission.documents().get(1).attachmentUrl())
        .hasValueSatisfying(url -> assertThat(url).startsWith("urn:uuid:"));
    assertThat(submission.documents().get(1).contentType()).contains("application/pdf");
  }

  @Test
  void aBinaryEntryIsAlsoFoundByItsRestfulId() {
    byte[] pdf = Pdfs.withPages(4);
    ReferralBundleBuilder referral = referral("running-case-statement")
        .binaryWithId("journal-1", pdf)
        .document("Journaludskrift", "journal-extract", null);
    referral.lastDocument().getContentFirstRep().getAttachment().setUrl("Binary/journal-1");

    assertThat(referral.submission().documents().get(0).content())
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(pdf));
  }

  @Test
  void aBinaryOutsideTheBundleLeavesTheDocumentWithoutContent() {
    ReferralBundleBuilder referral = referral("running-case-statement").document("Min plan", "my-plan", null);
    String elsewhere = "urn:uuid:00000000-0000-4000-8000-000000000000";
    referral.lastDocument().getContentFirstRep().getAttachment().setUrl(elsewhere);

    SubmittedDocument document = referral.submission().documents().get(0);

    assertThat(document.content()).isEmpty();
    assertThat(document.attachmentUrl()).contains(elsewhere);
  }
}
