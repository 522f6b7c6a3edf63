package dk.kfgateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.ReferralFixture;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Binary belongs to the case of the document it is the content of, by its own security context: Roskilde pointing a
 * document of its own case at a Binary of Holbæk's case gets that Binary neither by the document's labels nor by the
 * answer, which is word for word the answer for a Binary that does not exist (REF-010), and Holbæk keeps its Binary.
 */
class PartyClaimingAnotherPartysBinaryTest extends GatewayIntegrationTest {

  private static final String HOLBAEK = "holbaek-jobcenter";
  private static final String ROSKILDE = "roskilde-jobcenter";
  private static final String UNKNOWN = "Binary/987654321";

  private String holbaeksBinary;
  private DocumentReference roskildesDocument;

  @BeforeEach
  void twoCases() {
    ReferralFixture holbaek = Referrals.withLastDocumentInABinary(ReferralFixture.referral("le275-certificate"));
    holbaeksBinary = Referrals.location(
        fhirAs(HOLBAEK).transaction().withBundle(holbaek.bundle()).execute(), "Binary");
    ReferralFixture roskilde = Referrals.fromRoskilde("le275-certificate");
    Bundle stored = fhirAs(ROSKILDE).transaction().withBundle(roskilde.bundle()).execute();
    roskildesDocument = fhir.read().resource(DocumentReference.class)
        .withId(Referrals.location(stored, "DocumentReference")).execute();
    roskildesDocument.setId((String) null);
    roskildesDocument.setMeta(null);
  }

  @Test
  void theOwnerReadsItsBinarySentWithItsDocument() {
    assertThat(sendAs(HOLBAEK, "GET", "/" + holbaeksBinary, null).statusCode()).isEqualTo(200);
    assertThat(sendAs(ROSKILDE, "GET", "/" + holbaeksBinary, null).statusCode()).isEqualTo(404);
  }

  @Test
  void aDocumentPointingAtAnotherPartysBinaryIsRefusedAsIfTheBinaryDidNotExist() {
    HttpResponse<String> claimed = post(pointingAt(holbaeksBinary));
    HttpResponse<String> unknown = post(pointingAt(UNKNOWN));

    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(422);
    assertThat(claimed.body()).contains("REF-010");
    assertThat(claimed.body().replace(holbaeksBinary, UNKNOWN)).isEqualTo(unknown.body());
  }

  @Test
  void aTransactionPointingAtAnotherPartysBinaryIsRefusedAsIfTheBinaryDidNotExist() {
    HttpResponse<String> claimed = sendAs(ROSKILDE, "POST", "", transactionOf(pointingAt(holbaeksBinary)));
    HttpResponse<String> unknown = sendAs(ROSKILDE, "POST", "", transactionOf(pointingAt(UNKNOWN)));

    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(422);
    assertThat(claimed.body().replace(holbaeksBinary, UNKNOWN)).isEqualTo(unknown.body());
  }

  @Test
  void theOwnerKeepsItsBinaryAndTheClaimantGetsNothing() {
    post(pointingAt(holbaeksBinary));
    sendAs(ROSKILDE, "POST", "", transactionOf(pointingAt(holbaeksBinary)));

    assertThat(sendAs(HOLBAEK, "GET", "/" + holbaeksBinary, null).statusCode()).isEqualTo(200);
    HttpResponse<String> claimant = sendAs(ROSKILDE, "GET", "/" + holbaeksBinary, null);
    assertThat(claimant.statusCode()).isEqualTo(404);
    assertThat(claimant.body()).contains("HAPI-2001: Resource " + holbaeksBinary + " is not known");
  }

  private DocumentReference pointingAt(String binary) {
    DocumentReference document = roskildesDocument.copy();
    document.getContentFirstRep().getAttachment().setData(null).setUrl(binary);
    return document;
  }

  private HttpResponse<String> post(DocumentReference document) {
    return sendAs(ROSKILDE, "POST", "/DocumentReference", FHIR.newJsonParser().encodeResourceToString(document));
  }

  private static String transactionOf(DocumentReference document) {
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().setFullUrl("urn:uuid:0c0ffee0-1d1b-4a57-9b7e-2a8f1c3d4e5f").setResource(document)
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("DocumentReference");
    return FHIR.newJsonParser().encodeResourceToString(transaction);
  }
}
