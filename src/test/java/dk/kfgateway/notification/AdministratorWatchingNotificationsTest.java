package dk.kfgateway.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The administrator sees every party's Subscriptions and their delivery state (to list the failing ones) but cannot
 * delete another party's; other parties still see only their own; the notification metrics are the administrator's
 * (Actuator, Micrometer), health is open.
 */
class AdministratorWatchingNotificationsTest extends GatewayIntegrationTest {

  private static final String ADMIN = "gateway-admin";
  private static final String HOLBAEK = "holbaek-jobcenter";
  private String subscription;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    TestDatabase.current().registerOwn(registry, "notification_admin");
    registry.add("gateway.security.clients.holbaek-jobcenter.endpoints", () -> NOBODY_LISTENING);
    registry.add("gateway.security.clients.kf-sjaelland-ehr.endpoints", () -> NOBODY_LISTENING);
    registry.add("gateway.notification.max-failures", () -> 1);
  }

  @BeforeEach
  void subscribeHolbaekToAnEndpointNobodyListensAt() throws InterruptedException {
    Subscription s = new Subscription().setStatus(Subscription.SubscriptionStatus.REQUESTED).setReason("Own tasks")
        .setCriteria("Task?requester=PractitionerRole/caseworker-holbaek");
    s.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(NOBODY_LISTENING);
    subscription = fhirAs(HOLBAEK).create().resource(s).execute().getId().getIdPart();
  }

  @AfterEach
  void unsubscribe() {
    fhirAs(HOLBAEK).delete().resourceById("Subscription", subscription).execute();
  }

  @Test
  void theAdministratorListsFailingSubscriptionsOfEveryParty() throws Exception {
    fhirAs(HOLBAEK).transaction().withBundle(dk.kfgateway.support.ReferralFixture.referral("le275-certificate")
        .bundle()).execute();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    Bundle failing;
    do {
      Thread.sleep(200);
      failing = fhirAs(ADMIN).search().byUrl("Subscription?status=error").returnBundle(Bundle.class).execute();
    } while (failing.getEntry().isEmpty() && Instant.now().isBefore(deadline));

    assertThat(failing.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).contains(subscription);
    Subscription shown = (Subscription) failing.getEntry().get(0).getResource();
    assertThat(shown.getError()).contains("127.0.0.1:9");
    assertThat(shown.getExtensionByUrl(DeliveryState.LAST_FAILURE)).isNotNull();
    assertThat(fhirAs("kalundborg-jobcenter").search().byUrl("Subscription").returnBundle(Bundle.class).execute()
        .getEntry()).as("another municipality").isEmpty();
  }

  /** NOTIF-004: only the client that created a Subscription changes or deletes it. */
  @Test
  void onlyTheClientThatCreatedASubscriptionChangesOrDeletesIt() {
    Subscription theirs = fhirAs(HOLBAEK).read().resource(Subscription.class).withId(subscription).execute();
    Subscription redirected = theirs.copy().setCriteria("AuditEvent?outcome=4");
    redirected.getChannel().setEndpoint("https://ops.kf-gateway.example/audit-notify");

    HttpResponse<String> deleted = sendAs(ADMIN, "DELETE", "/Subscription/" + subscription, null);
    HttpResponse<String> changed = sendAs(ADMIN, "PUT", "/Subscription/" + subscription,
        FHIR.newJsonParser().encodeResourceToString(redirected));

    assertThat(deleted.statusCode()).isEqualTo(403);
    assertThat(deleted.body()).contains("NOTIF-004");
    assertThat(changed.statusCode()).isEqualTo(403);
    assertThat(changed.body()).contains("NOTIF-004");
    Subscription after = fhirAs(HOLBAEK).read().resource(Subscription.class).withId(subscription).execute();
    assertThat(after.getCriteria()).isEqualTo(theirs.getCriteria());
    assertThat(after.getChannel().getEndpoint()).isEqualTo(NOBODY_LISTENING);
  }

  /** Another client of the same organisation (the EHR and the clinic's secretariat) may not remove the EHR's. */
  @Test
  void anotherClientOfTheSameOrganisationCannotDeleteItNorReadItsCredential() {
    Subscription ehrs = new Subscription().setStatus(Subscription.SubscriptionStatus.REQUESTED).setReason("New tasks")
        .setCriteria("Task?owner=Organization/kf-region-sjaelland&status=requested");
    ehrs.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(NOBODY_LISTENING)
        .addHeader("Authorization: Bearer receiver-secret");
    String id = fhirAs("kf-sjaelland-ehr").create().resource(ehrs).execute().getId().getIdPart();

    HttpResponse<String> deleted = sendAs("kf-sjaelland-secretariat", "DELETE", "/Subscription/" + id, null);
    String seenBySecretariat = sendAs("kf-sjaelland-secretariat", "GET", "/Subscription/" + id, null).body();
    String seenByAdministrator = sendAs(ADMIN, "GET", "/Subscription/" + id, null).body();
    String seenByItsOwner = sendAs("kf-sjaelland-ehr", "GET", "/Subscription/" + id, null).body();
    fhirAs("kf-sjaelland-ehr").delete().resourceById("Subscription", id).execute();

    assertThat(deleted.statusCode()).isEqualTo(403);
    assertThat(deleted.body()).contains("NOTIF-004");
    assertThat(seenBySecretariat).contains("Authorization: (hidden)").doesNotContain("receiver-secret");
    assertThat(seenByAdministrator).contains("Authorization: (hidden)").doesNotContain("receiver-secret");
    assertThat(seenByItsOwner).contains("receiver-secret");
  }

  @Test
  void notificationMetricsAreTheAdministratorsAndHealthIsOpen() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    HttpResponse<String> metrics;
    do {
      Thread.sleep(200);
      metrics = actuator("/metrics/kf.notifications.queued", tokens.of(ADMIN));
    } while (!metrics.body().contains(subscription) && Instant.now().isBefore(deadline));

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("\"subscriber\"", HOLBAEK, subscription);
    assertThat(actuator("/metrics/kf.notifications.delivered", tokens.of(HOLBAEK)).statusCode()).isEqualTo(403);
    assertThat(actuator("/metrics", null).statusCode()).isEqualTo(401);
    assertThat(actuator("/health", null).statusCode()).isEqualTo(200);
    assertThat(actuator("/health/readiness", null).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> actuator(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator" + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
