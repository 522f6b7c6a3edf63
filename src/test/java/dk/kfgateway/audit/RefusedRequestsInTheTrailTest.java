package dk.kfgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;

/**
 * Every refused request of a known caller leaves one AuditEvent with outcome 4 (minor failure) naming why, whatever
 * was asked for and whichever rule refused it: also a refused request for the audit trail itself, a Subscription to an
 * endpoint not registered for the client (SEC-009), and a page of another client's search.
 */
class RefusedRequestsInTheTrailTest extends GatewayIntegrationTest {

  @Test
  void aMunicipalitySearchingTheAuditTrailIsRecordedAsRefused() {
    Instant before = Instant.now().minusSeconds(1);

    HttpResponse<String> response = sendAs("roskilde-jobcenter", "GET", "/AuditEvent?_count=1", null);

    assertThat(response.statusCode()).isEqualTo(403);
    AuditEvent record = onlyRecordOf("roskilde-jobcenter", before);
    assertThat(record.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
    assertThat(record.getSubtypeFirstRep().getCode()).isEqualTo("search-type");
    assertThat(record.getOutcomeDesc()).contains("SEC-008", "AuditEvent");
  }

  @Test
  void aSubscriptionToAnUnregisteredEndpointIsRecordedAsRefusedLikeTheOtherRefusals() {
    Instant before = Instant.now().minusSeconds(1);
    Subscription subscription = new Subscription().setStatus(Subscription.SubscriptionStatus.REQUESTED)
        .setReason("work list").setCriteria("Task?requester=Organization/municipality-kalundborg&status=failed");
    subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK)
        .setEndpoint("http://127.0.0.1:5432").setPayload("application/fhir+json");

    HttpResponse<String> response = sendAs("kalundborg-jobcenter", "POST", "/Subscription",
        FHIR.newJsonParser().encodeResourceToString(subscription));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    AuditEvent record = onlyRecordOf("kalundborg-jobcenter", before);
    assertThat(record.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
    assertThat(record.getOutcomeDesc()).contains("SEC-009");
  }

  @Test
  void anotherClientReplayingAPageIsRecordedAsRefused() {
    for (int i = 0; i < 2; i++) {
      fhirAs("holbaek-jobcenter").transaction()
          .withBundle(dk.kfgateway.support.ReferralFixture.referral("le275-certificate").bundle()).execute();
    }
    HttpResponse<String> first = sendAs("holbaek-jobcenter", "GET", "/Task?_count=1", null);
    String next = FHIR.newJsonParser().parseResource(Bundle.class, first.body()).getLink("next").getUrl();
    Instant before = Instant.now().minusSeconds(1);

    HttpResponse<String> replayed = sendAs("gp-strandvej", "GET", next.substring(next.indexOf("/fhir") + 5), null);

    assertThat(replayed.statusCode()).isEqualTo(410);
    AuditEvent record = onlyRecordOf("gp-strandvej", before);
    assertThat(record.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
    assertThat(record.getOutcomeDesc()).contains("SEC-004", "another client's search");
  }

  private AuditEvent onlyRecordOf(String client, Instant since) {
    HttpResponse<String> response = send("GET", "/AuditEvent?agent-name=" + client + "&date=ge"
        + since.toString().replace("+", "%2B") + "&_count=50", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<AuditEvent> records = FHIR.newJsonParser().parseResource(Bundle.class, response.body()).getEntry().stream()
        .map(e -> (AuditEvent) e.getResource()).toList();
    assertThat(records).as("records of " + client).hasSize(1);
    return records.get(0);
  }
}
