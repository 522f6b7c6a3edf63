package dk.kfgateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.ReferralFixture;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The versions of a resource are the resource's: a version ({@code _history/<v>}) answers another party exactly as an
 * unknown id does (404, HAPI-2001). The history of an instance is on no party's allow-list (SEC-008), and a vread only
 * on the Task's: a party that has lost a case (the consent was withdrawn) gets no earlier version of the citizen.
 * (HiddenAsUnknown keeps deciding on versions as a second line, for the unrestricted tools' and any later list.)
 */
class PartyReadingTheHistoryOfAnotherPartysResourceTest extends GatewayIntegrationTest {

  private static final String HOLBAEK = "holbaek-jobcenter";
  private static final String ROSKILDE = "roskilde-jobcenter";
  private static final String CLINIC = "kf-sjaelland-ehr";

  private Bundle stored;
  private String task;

  @BeforeEach
  void holbaeksCase() {
    stored = fhirAs(HOLBAEK).transaction().withBundle(ReferralFixture.referral("le275-certificate").bundle()).execute();
    task = Referrals.location(stored, "Task");
  }

  @Test
  void theHistoryOfAnotherPartysTaskAnswersAsForAnUnknownId() {
    HttpResponse<String> hidden = sendAs(ROSKILDE, "GET", "/" + task + "/_history", null);
    HttpResponse<String> unknown = sendAs(ROSKILDE, "GET", "/Task/987654321/_history", null);

    assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(403);
    assertThat(hidden.body()).contains("SEC-008").isEqualTo(unknown.body());
  }

  @Test
  void aVersionOfAnotherPartysTaskAnswersAsForAnUnknownId() {
    HttpResponse<String> hidden = sendAs(ROSKILDE, "GET", "/" + task + "/_history/1", null);
    HttpResponse<String> unknown = sendAs(ROSKILDE, "GET", "/Task/987654321/_history/1", null);

    assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(404);
    assertThat(hidden.body().replace(task, "Task/987654321")).isEqualTo(unknown.body());
  }

  @Test
  void thePartiesOfTheCaseReadTheTasksVersions() {
    assertThat(sendAs(HOLBAEK, "GET", "/" + task + "/_history/1", null).statusCode()).isEqualTo(200);
    assertThat(sendAs(CLINIC, "GET", "/" + task + "/_history/1", null).statusCode()).isEqualTo(200);
    assertThat(sendAs(HOLBAEK, "GET", "/" + task + "/_history", null).statusCode()).isEqualTo(403);
  }

  @Test
  void theClinicNoLongerReadsEarlierVersionsOfTheCitizenOnceTheConsentIsWithdrawn() {
    String citizen = Referrals.location(stored, "Patient");
    Patient patient = fhir.read().resource(Patient.class).withId(citizen).execute();
    patient.addName(new HumanName().setFamily("Fiktivsen-Andersen").addGiven("Test"));
    fhir.update().resource(patient).withAdditionalHeader("If-Match", "W/\"1\"").execute();
    assertThat(sendAs(CLINIC, "GET", "/" + citizen, null).statusCode()).isEqualTo(200);

    Consent consent = fhirAs(HOLBAEK).read().resource(Consent.class).withId(Referrals.location(stored, "Consent"))
        .execute();
    consent.setStatus(Consent.ConsentState.INACTIVE);
    HttpResponse<String> withdrawn = sendAs(HOLBAEK, "PUT", "/Consent/" + consent.getIdPart(),
        FHIR.newJsonParser().encodeResourceToString(consent));
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);

    assertThat(sendAs(CLINIC, "GET", "/" + citizen, null).statusCode()).isEqualTo(404);
    assertThat(sendAs(CLINIC, "GET", "/" + citizen + "/_history/1", null).statusCode()).isEqualTo(403);
    assertThat(sendAs(CLINIC, "GET", "/" + citizen + "/_history", null).statusCode()).isEqualTo(403);
  }
}
