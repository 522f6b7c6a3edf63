package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.Exchanges;
import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.Pdfs;
import dk.kfgateway.support.ReferralFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SEC-012: a Binary's readers come from the case data its {@code securityContext} names (bkg 2019 §3), so a
 * municipality's Binary naming its document is stored and read back; one naming an organisation or nothing, which
 * nobody could ever read, is refused with 422 and not stored, and so is one naming the referral, which the clinic sees
 * without the consent that health content needs (guide pkt. 13).
 */
class BinaryNamingItsCaseTest extends GatewayIntegrationTest {

  private static final String MUNICIPALITY = "holbaek-jobcenter";

  private String referral;
  private String document;
  private String citizen;
  private int binariesBefore;

  @BeforeEach
  void aReferralOfHolbaek() {
    Bundle stored = fhir.transaction().withBundle(ReferralFixture.referral("le275-certificate").bundle()).execute();
    referral = stored.getEntry().stream().map(e -> e.getResponse().getLocation())
        .filter(l -> l.startsWith("ServiceRequest/")).findFirst().orElseThrow().replaceAll("/_history/.*", "");
    document = stored.getEntry().stream().map(e -> e.getResponse().getLocation())
        .filter(l -> l.startsWith("DocumentReference/")).findFirst().orElseThrow().replaceAll("/_history/.*", "");
    citizen = stored.getEntry().stream().map(e -> e.getResponse().getLocation())
        .filter(l -> l.startsWith("Patient/")).findFirst().orElseThrow().replaceAll("/_history/.*", "");
    binariesBefore = binaries();
  }

  @Test
  void aBinaryNamingItsDocumentIsStoredAndReadByItsWriter() {
    HttpResponse<String> created = sendAs(MUNICIPALITY, "POST", "/Binary", json(pdf(document)));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/(Binary/[^/]+).*", "$1");
    assertThat(sendAs(MUNICIPALITY, "GET", "/" + id, null).statusCode()).isEqualTo(200);
  }

  /** The clinic sees the referral, its task and the consent whether or not the consent holds: not the PDF's readers. */
  @Test
  void aBinaryNamingTheReferralIsRefused() {
    assertRefused(sendAs(MUNICIPALITY, "POST", "/Binary", json(pdf(referral))), "is not the data of one case");
  }

  @Test
  void aBinaryEntryNamingTheReferralEntryIsRefused() {
    ReferralFixture fixture = ReferralFixture.referral("le275-certificate");
    Bundle bundle = fixture.bundle();
    String referralUrl = bundle.getEntry().stream().filter(e -> e.getResource() instanceof org.hl7.fhir.r4.model.ServiceRequest)
        .findFirst().orElseThrow().getFullUrl();
    Binary binary = pdf(referralUrl);
    bundle.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(binary)
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Binary");

    assertRefused(sendAs(MUNICIPALITY, "POST", "", FHIR.newJsonParser().encodeResourceToString(bundle)),
        "is not the data of one case");
  }

  @Test
  void aBinaryNamingAnOrganisationIsRefused() {
    assertRefused(sendAs(MUNICIPALITY, "POST", "/Binary", json(pdf("Organization/municipality-holbaek"))),
        "'Organization/municipality-holbaek' is not the data of one case");
  }

  /** Another municipality referring the same CPR becomes a party of the citizen, not of this case. */
  @Test
  void aBinaryNamingTheCitizenIsRefused() {
    assertRefused(sendAs(MUNICIPALITY, "POST", "/Binary", json(pdf(citizen))), "is not the data of one case");
  }

  @Test
  void aBinaryNamingNothingIsRefused() {
    assertRefused(sendAs(MUNICIPALITY, "POST", "/Binary", json(pdf(null))), "this one names nothing");
  }

  @Test
  void aPdfPostedAsItselfNamesItsCaseInTheHeader() {
    HttpResponse<String> named = rawPdf(HttpRequest.newBuilder().header("X-Security-Context", document));

    assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
    binariesBefore = binaries();
    assertRefused(rawPdf(HttpRequest.newBuilder()), "this one names nothing");
  }

  private HttpResponse<String> rawPdf(HttpRequest.Builder request) {
    return Exchanges.send(http, request.uri(URI.create(baseUrl() + "/Binary"))
        .header("Authorization", "Bearer " + tokens.of(MUNICIPALITY)).header("Accept", "application/fhir+json")
        .header("Content-Type", "application/pdf")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Pdfs.withPages(1))).build());
  }

  private void assertRefused(HttpResponse<String> response, String reason) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    OperationOutcome.OperationOutcomeIssueComponent issue =
        FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body()).getIssueFirstRep();
    assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo("SEC-012");
    assertThat(issue.getExpression()).extracting(e -> e.getValue()).containsExactly("Binary.securityContext");
    assertThat(issue.getDiagnostics()).contains(reason);
    assertThat(binaries()).as("nothing stored").isEqualTo(binariesBefore);
  }

  private int binaries() {
    return fhir.search().byUrl("Binary?_summary=count").returnBundle(Bundle.class).execute().getTotal();
  }

  private static Binary pdf(String securityContext) {
    Binary binary = new Binary().setContentType("application/pdf");
    binary.setData(Pdfs.withPages(1));
    if (securityContext != null) {
      binary.setSecurityContext(new Reference(securityContext));
    }
    return binary;
  }

  private static String json(Binary binary) {
    return FHIR.newJsonParser().encodeResourceToString(binary);
  }
}
