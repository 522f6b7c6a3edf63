package dk.kfgateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.ReferralFixture;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The consent's period ended yesterday and the expiry sweep has not run since (it runs every
 * {@code gateway.consent.expiry-check}): the clinic no longer sees the citizen, the documents or their Binaries
 * (guide pkt. 13), decided at the moment of the read; the municipality still sees all of it, and the clinic its task.
 */
class ClinicReadingAfterTheConsentPeriodEndedTest extends GatewayIntegrationTest {

  private static final String CLINIC = "kf-sjaelland-ehr";
  private static final String HOLBAEK = "holbaek-jobcenter";

  @Autowired private DaoRegistry daos;

  private String citizen;
  private String task;
  private String binary;
  private List<String> documents;

  @BeforeEach
  void aCaseWhoseConsentPeriodEndedYesterday() {
    Bundle stored = fhirAs(HOLBAEK).transaction().withBundle(
        Referrals.withLastDocumentInABinary(ReferralFixture.referral("le275-certificate")).bundle()).execute();
    citizen = Referrals.location(stored, "Patient");
    task = Referrals.location(stored, "Task");
    binary = Referrals.location(stored, "Binary");
    documents = stored.getEntry().stream().map(e -> e.getResponse().getLocation().replaceFirst("/_history/.*", ""))
        .filter(l -> l.startsWith("DocumentReference/")).toList();
    assertThat(sendAs(CLINIC, "GET", "/" + citizen, null).statusCode()).as("seen while the consent holds")
        .isEqualTo(200);
    endedYesterday(Referrals.location(stored, "Consent"));
  }

  @Test
  void theClinicNoLongerSeesTheCitizenTheDocumentsOrTheirBinaries() {
    assertThat(sendAs(CLINIC, "GET", "/" + citizen, null).statusCode()).isEqualTo(404);
    documents.forEach(d -> assertThat(sendAs(CLINIC, "GET", "/" + d, null).statusCode()).as(d).isEqualTo(404));
    HttpResponse<String> content = sendAs(CLINIC, "GET", "/" + binary, null);
    assertThat(content.statusCode()).isEqualTo(404);
    assertThat(content.body()).contains("HAPI-2001: Resource " + binary + " is not known");
  }

  @Test
  void theClinicsSearchesNoLongerShowThem() {
    assertThat(entries(sendAs(CLINIC, "GET", "/DocumentReference?subject=" + citizen, null))).isEmpty();
    assertThat(entries(sendAs(CLINIC, "GET", "/Patient?_id=" + new IdType(citizen).getIdPart(), null))).isEmpty();
  }

  @Test
  void theMunicipalityStillSeesThemAndTheClinicItsTask() {
    assertThat(sendAs(HOLBAEK, "GET", "/" + citizen, null).statusCode()).isEqualTo(200);
    assertThat(sendAs(HOLBAEK, "GET", "/" + binary, null).statusCode()).isEqualTo(200);
    documents.forEach(d -> assertThat(sendAs(HOLBAEK, "GET", "/" + d, null).statusCode()).as(d).isEqualTo(200));
    assertThat(sendAs(CLINIC, "GET", "/" + task, null).statusCode()).isEqualTo(200);
  }

  /**
   * The stored consent as it is once its period has run out with nobody writing anything: changed in storage the way
   * the gateway's labeller writes (neither relabelled nor reviewed as a withdrawal), so that the labels are those of
   * the last write of the case, as they are until the next expiry sweep.
   */
  private void endedYesterday(String consentId) {
    SystemRequestDetails untouched = new SystemRequestDetails();
    untouched.getUserData().put(Labeller.class.getName(), Boolean.TRUE);
    Consent consent = (Consent) daos.getResourceDao(Consent.class).read(new IdType(consentId), untouched);
    consent.getProvision().getPeriod().setEnd(Date.from(Instant.now().minus(Duration.ofDays(1))));
    daos.getResourceDao(Consent.class).update(consent, untouched);
  }

  private static List<Bundle.BundleEntryComponent> entries(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body()).getEntry();
  }
}
