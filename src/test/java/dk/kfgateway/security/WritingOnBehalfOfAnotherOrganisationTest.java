package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.ReferralFixture;
import java.net.http.HttpResponse;
import java.util.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;

/** Nobody writes on behalf of another organisation, in single writes, transactions and subscriptions. */
class WritingOnBehalfOfAnotherOrganisationTest extends GatewayIntegrationTest {

  @Test
  void aMunicipalityCannotPostAReferralInAnotherMunicipalitysName() {
    ReferralFixture referral = ReferralFixture.referral("le275-certificate");

    HttpResponse<String> response = sendAs("kalundborg-jobcenter", "POST", "", json(referral.bundle()));

    assertRefused(response, 403, "SEC-005");
    assertThat(fhir.search().forResource("Patient").where(org.hl7.fhir.r4.model.Patient.IDENTIFIER.exactly()
        .systemAndCode("urn:oid:1.2.208.176.1.2", referral.cpr())).returnBundle(Bundle.class).execute().getEntry())
        .as("nothing of the referral is stored").isEmpty();
  }

  @Test
  void theClinicCannotSendACopyInAnotherClinicsName() {
    Communication copy = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED);
    copy.addCategory(new CodeableConcept(
        new Coding("http://kf-gateway.dk/fhir/CodeSystem/kf-communication-categories", "result", null)));
    // about the clinic's own case (a reference to case data it does not see answers as an unknown target, HAPI-1094)
    copy.setSubject(new Reference("Patient/citizen-karen")).addAbout(new Reference("ServiceRequest/referral-1"))
        .setSent(new Date()).setSender(new Reference("Organization/kf-region-midtjylland"))
        .addRecipient(new Reference("Organization/municipality-holbaek"))
        .addPayload().setContent(new Reference("DocumentReference/referral-1-doc-1"));

    assertRefused(sendAs("kf-sjaelland-ehr", "POST", "/Communication", json(copy)), 403, "SEC-005");
  }

  @Test
  void aPartySubscribesToItsOwnCasesOnly() {
    HttpResponse<String> own = sendAs("kf-sjaelland-ehr", "POST", "/Subscription",
        json(subscription("Task?owner=Organization/kf-region-sjaelland&status=requested")));
    assertThat(own.statusCode()).isEqualTo(201);
    // Removed at once: its endpoint answers nothing, and HAPI's retries of a dead endpoint slow every other
    // subscriber's notifications in this shared test context.
    String location = own.headers().firstValue("Location").orElseThrow();
    deleteWhileHapiActivatesIt(location.replaceAll(".*/Subscription/([^/]+).*", "$1"));
    assertRefused(sendAs("kf-sjaelland-ehr", "POST", "/Subscription", json(subscription("Task?status=requested"))),
        403, "SEC-006");
    assertRefused(sendAs("holbaek-jobcenter", "POST", "/Subscription",
        json(subscription("Task?requester=PractitionerRole/caseworker-kalundborg"))), 403, "SEC-006");
  }

  @Test
  void aConditionalUpdateCannotReachAnotherMunicipalitysReferral() {
    org.hl7.fhir.r4.model.ServiceRequest referral =
        fhir.read().resource(org.hl7.fhir.r4.model.ServiceRequest.class).withId("referral-2").execute();
    referral.setPriority(org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority.URGENT);

    HttpResponse<String> response =
        sendAs("holbaek-jobcenter", "PUT", "/ServiceRequest?_id=referral-2", json(referral));

    assertThat(response.statusCode()).isIn(403, 404, 412, 422);
    assertThat(fhir.read().resource(org.hl7.fhir.r4.model.ServiceRequest.class).withId("referral-2").execute()
        .getPriority()).isNull();
  }

  /** HAPI activates a new Subscription by updating it: a delete at that moment may meet a version conflict once. */
  private void deleteWhileHapiActivatesIt(String id) {
    for (int attempt = 1; ; attempt++) {
      try {
        fhirAs("kf-sjaelland-ehr").delete().resourceById("Subscription", id).execute();
        return;
      } catch (ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException conflict) {
        if (attempt == 3) {
          throw conflict;
        }
      }
    }
  }

  private static Subscription subscription(String criteria) {
    Subscription subscription = new Subscription().setStatus(Subscription.SubscriptionStatus.REQUESTED)
        .setReason("work list").setCriteria(criteria);
    subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK)
        .setEndpoint("http://127.0.0.1:9/notify").setPayload("application/fhir+json");
    return subscription;
  }

  private static String json(Resource resource) {
    return FHIR.newJsonParser().encodeResourceToString(resource);
  }

  static void assertRefused(HttpResponse<String> response, int status, String rule) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssue()).as(response.body())
        .anySatisfy(i -> assertThat(i.getDetails().getCodingFirstRep().getCode()).isEqualTo(rule));
  }
}
