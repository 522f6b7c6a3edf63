package dk.kfgateway.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Subscription notifies only an endpoint registered for the client that writes it
 * ({@code gateway.security.clients.<id>.endpoints}); anything else, a port of the gateway's own machine included, is
 * refused with 422 (SEC-009) naming {@code Subscription.channel.endpoint}, when created and when changed.
 */
class ClientSubscribingToAnEndpointTest extends GatewayIntegrationTest {

  private static final String CLINIC = "kf-sjaelland-ehr";
  private static final String CLINIC_CRITERIA = "Task?owner=Organization/kf-region-sjaelland&status=requested";
  private static final String MUNICIPALITY = "holbaek-jobcenter";
  /** Criteria that no test's task meets while the subscription exists: it is deleted at once. */
  private static final String MUNICIPALITY_CRITERIA = "Task?requester=PractitionerRole/caseworker-holbaek&status=failed";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http://127.0.0.1:5432", "http://localhost:8080/fhir", "https://collector.example.net/hook",
      "https://ehr.regionsjaelland.example/fhir-notify/../admin", "https://ehr.regionsjaelland.example/fhir-notify2",
      "https://user@ehr.regionsjaelland.example/fhir-notify"})
  void theClinicCannotNameAnEndpointNotRegisteredForIt(String endpoint) {
    HttpResponse<String> response = sendAs(CLINIC, "POST", "/Subscription", subscription(CLINIC_CRITERIA, endpoint));

    assertRefusedNaming(response, endpoint);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"https://sag.holbaek.example/kf-notify/../../admin", "https://sag.holbaek.example/kf-notify",
      "https://sag.holbaek.example/other", "https://sag.holbaek.example.evil.net/kf-notify/x",
      "https://ehr.regionsjaelland.example/fhir-notify", "https://sag.holbaek.example/kf-notify/x?redirect=http://evil"})
  void aMunicipalityStaysWithinItsRegisteredPrefix(String endpoint) {
    HttpResponse<String> response =
        sendAs(MUNICIPALITY, "POST", "/Subscription", subscription(MUNICIPALITY_CRITERIA, endpoint));

    assertRefusedNaming(response, endpoint);
  }

  @Test
  void aRegisteredEndpointIsAccepted() {
    String exact = created(CLINIC, subscription(CLINIC_CRITERIA, NOBODY_LISTENING));
    String underPrefix =
        created(MUNICIPALITY, subscription(MUNICIPALITY_CRITERIA, "https://sag.holbaek.example/kf-notify/tasks"));

    fhirAs(CLINIC).delete().resourceById("Subscription", exact).execute();
    fhirAs(MUNICIPALITY).delete().resourceById("Subscription", underPrefix).execute();
  }

  @Test
  void aSubscriptionCannotBeMovedToAnUnregisteredEndpoint() {
    String id = created(CLINIC, subscription(CLINIC_CRITERIA, NOBODY_LISTENING));
    try {
      Subscription stored = fhirAs(CLINIC).read().resource(Subscription.class).withId(id).execute();
      stored.getChannel().setEndpoint("http://127.0.0.1:5432");

      HttpResponse<String> response = put(CLINIC, "/Subscription/" + id, stored);

      assertRefusedNaming(response, "http://127.0.0.1:5432");
      assertThat(fhirAs(CLINIC).read().resource(Subscription.class).withId(id).execute().getChannel().getEndpoint())
          .isEqualTo(NOBODY_LISTENING);
    } finally {
      fhirAs(CLINIC).delete().resourceById("Subscription", id).execute();
    }
  }

  private static void assertRefusedNaming(HttpResponse<String> response, String endpoint) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    OperationOutcome.OperationOutcomeIssueComponent issue =
        FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body()).getIssueFirstRep();
    assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo("SEC-009");
    assertThat(issue.getExpression()).extracting(e -> e.getValue()).containsExactly("Subscription.channel.endpoint");
    assertThat(issue.getDiagnostics()).contains(endpoint);
  }

  private String created(String client, String subscription) {
    HttpResponse<String> response = sendAs(client, "POST", "/Subscription", subscription);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return response.headers().firstValue("Location").orElseThrow().replaceAll(".*/Subscription/([^/]+).*", "$1");
  }

  private HttpResponse<String> put(String client, String path, Subscription subscription) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
          .header("Authorization", "Bearer " + tokens.of(client)).header("Content-Type", "application/fhir+json")
          .header("Accept", "application/fhir+json")
          .header("If-Match", "W/\"" + subscription.getMeta().getVersionId() + "\"")
          .PUT(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(subscription))).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subscription(String criteria, String endpoint) {
    Subscription subscription = new Subscription().setStatus(Subscription.SubscriptionStatus.REQUESTED)
        .setReason("work list").setCriteria(criteria);
    subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(endpoint)
        .setPayload("application/fhir+json");
    return FHIR.newJsonParser().encodeResourceToString(subscription);
  }
}
