package dk.kfgateway.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.ReferralFixture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hospital EHR is notified of new tasks by a rest-hook Subscription instead of polling; a receiver on 127.0.0.1
 * (registered as the clients' endpoint) that fails its first attempt still gets the notification (the gateway retries
 * after its back-off), and the failure is visible on the Subscription. An endpoint not registered for the client is
 * refused (SEC-009).
 */
class SubscriptionNotificationTest extends GatewayIntegrationTest {

  /**
   * The receiver runs for the whole class, started before the gateway so that its URL can be registered as the
   * subscribing clients' endpoint (SEC-009); each test starts with it empty.
   */
  private static HttpServer receiver;
  private static final List<String> received = new CopyOnWriteArrayList<>();
  private static final AtomicInteger attempts = new AtomicInteger();
  private String subscriptionId;
  private String subscriber;

  private static synchronized String receiverUrl() throws IOException {
    if (receiver == null) {
      receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      receiver.createContext("/", exchange -> {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status = attempts.incrementAndGet() == 1 ? 503 : 200;
        if (status == 200) {
          received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
      });
      receiver.start();
    }
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/notify";
  }

  @BeforeEach
  void emptyReceiver() {
    received.clear();
    attempts.set(0);
  }

  @AfterEach
  void unsubscribe() throws InterruptedException {
    if (subscriptionId != null) {
      fhirAs(subscriber).delete().resourceById("Subscription", subscriptionId).execute();
    }
  }

  @AfterAll
  static void stopReceiver() {
    if (receiver != null) {
      receiver.stop(0);
      receiver = null;
    }
  }

  @Test
  void theClinicIsNotifiedOfANewTaskEvenAfterAFailedFirstAttempt() throws Exception {
    subscribe("kf-sjaelland-ehr", "Task?owner=Organization/kf-region-sjaelland&status=requested");

    String taskId = submitReferral();

    await(() -> received.stream().anyMatch(r -> mentions(r, taskId)));
    assertThat(attempts.get()).isGreaterThanOrEqualTo(2);
    Subscription shown = fhirAs(subscriber).read().resource(Subscription.class).withId(subscriptionId).execute();
    assertThat(shown.getExtensionByUrl(DeliveryState.LAST_FAILURE_REASON).getValue().primitiveValue())
        .contains("HTTP 503");
    assertThat(shown.getExtensionByUrl(DeliveryState.LAST_DELIVERY)).isNotNull();
    assertThat(shown.getStatus()).isEqualTo(Subscription.SubscriptionStatus.ACTIVE);
  }

  @Test
  void theMunicipalityIsNotifiedWhenItsTaskChangesStatus() throws Exception {
    attempts.set(1); // this receiver answers 200 from the start
    subscribe("holbaek-jobcenter", "Task?requester=PractitionerRole/caseworker-holbaek&status=received");
    String taskId = submitReferral();
    Task task = fhirAs("kf-sjaelland-ehr").read().resource(Task.class).withId(taskId).execute();

    fhirAs("kf-sjaelland-ehr").update().resource(task.setStatus(Task.TaskStatus.RECEIVED))
        .withAdditionalHeader("If-Match", "W/\"" + task.getMeta().getVersionId() + "\"").execute();

    await(() -> received.stream().anyMatch(r -> mentions(r, taskId) && r.contains("received")));
  }

  @Test
  void aSubscriptionToAnUnregisteredEndpointIsRefused() {
    Subscription subscription = new Subscription().setStatus(Subscription.SubscriptionStatus.REQUESTED)
        .setReason("Exfiltrate").setCriteria("Task?requester=PractitionerRole/caseworker-holbaek");
    subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK)
        .setEndpoint("https://collector.example.net/hook").setPayload("application/fhir+json");

    var response = sendAs("holbaek-jobcenter", "POST", "/Subscription",
        FHIR.newJsonParser().encodeResourceToString(subscription));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("SEC-009", "collector.example.net");
  }

  /** A database and context of its own, with the receiver registered as the subscribing clients' endpoint. */
  @org.springframework.test.context.DynamicPropertySource
  static void ownDatabase(org.springframework.test.context.DynamicPropertyRegistry registry) throws IOException {
    dk.kfgateway.support.TestDatabase.current().registerOwn(registry, "notifications");
    String endpoint = receiverUrl();
    registry.add("gateway.security.clients.kf-sjaelland-ehr.endpoints", () -> endpoint);
    registry.add("gateway.security.clients.holbaek-jobcenter.endpoints", () -> endpoint);
  }

  private void subscribe(String client, String criteria) throws InterruptedException, IOException {
    subscriber = client;
    Subscription subscription = new Subscription().setStatus(Subscription.SubscriptionStatus.REQUESTED)
        .setReason("Notify " + client).setCriteria(criteria);
    subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK)
        .setEndpoint(receiverUrl())
        .setPayload("application/fhir+json");
    subscriptionId = fhirAs(client).create().resource(subscription).execute().getId().getIdPart();
    await(() -> fhirAs(client).read().resource(Subscription.class).withId(subscriptionId).execute().getStatus()
        == Subscription.SubscriptionStatus.ACTIVE);
  }

  private String submitReferral() {
    Bundle stored = fhirAs("holbaek-jobcenter").transaction()
        .withBundle(ReferralFixture.referral("le275-certificate").bundle()).execute();
    return stored.getEntry().stream().map(e -> e.getResponse().getLocation()).filter(l -> l.startsWith("Task/"))
        .findFirst().orElseThrow().split("/")[1];
  }

  private static boolean mentions(String notification, String taskId) {
    return notification.contains("Task/" + taskId) || notification.replace(" ", "").contains("\"id\":\"" + taskId + "\"");
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waited 30 s").isBefore(deadline);
      Thread.sleep(250);
    }
  }
}
