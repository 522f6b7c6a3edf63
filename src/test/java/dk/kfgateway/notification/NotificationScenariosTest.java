package dk.kfgateway.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.bench.NotificationReceiver;
import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.ReferralFixture;
import dk.kfgateway.support.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notifications as the parties rely on them (README "Notifications"): a dead endpoint never holds up another
 * subscriber; one that fails {@code max-failures} times in a row puts its Subscription in error, keeps what it missed
 * and gets it, in order, once resumed (NOTIF-003); criteria the gateway cannot promise are refused when written
 * (NOTIF-001, NOTIF-002); and a notification carries no more than the subscriber may read.
 */
class NotificationScenariosTest extends GatewayIntegrationTest {

  private static final String CLINIC = "kf-sjaelland-ehr";
  private static final String HOLBAEK = "holbaek-jobcenter";
  private static final String KALUNDBORG = "kalundborg-jobcenter";
  private static final String CLINIC_TASKS = "Task?owner=" + ReferralFixture.CLINIC + "&status=requested";
  private static final String HOLBAEK_TASKS = "Task?requester=" + ReferralFixture.CASEWORKER;
  private static final int MAX_FAILURES = 3;

  private static NotificationReceiver dead;
  private static NotificationReceiver healthy;
  private static NotificationReceiver flaky;
  private final List<String[]> subscriptions = new ArrayList<>();

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    TestDatabase.current().registerOwn(registry, "notification_scenarios");
    dead = new NotificationReceiver(NotificationReceiver.Mode.HANG);
    healthy = new NotificationReceiver(NotificationReceiver.Mode.TAKE);
    flaky = new NotificationReceiver(NotificationReceiver.Mode.REFUSE);
    registry.add("gateway.security.clients.kf-sjaelland-ehr.endpoints", () -> dead.url() + "," + healthy.url());
    registry.add("gateway.security.clients.holbaek-jobcenter.endpoints", () -> healthy.url() + "," + flaky.url());
    registry.add("gateway.security.clients.kalundborg-jobcenter.endpoints", () -> healthy.url());
    registry.add("gateway.notification.max-failures", () -> MAX_FAILURES);
    registry.add("gateway.notification.initial-backoff", () -> "200ms");
    registry.add("gateway.notification.max-backoff", () -> "400ms");
    registry.add("gateway.notification.timeout", () -> "3s");
  }

  @BeforeEach
  void reset() {
    dead.clear();
    healthy.clear();
    flaky.clear();
    flaky.set(NotificationReceiver.Mode.REFUSE);
  }

  @AfterEach
  void unsubscribe() {
    subscriptions.forEach(s -> fhirAs(s[0]).delete().resourceById("Subscription", s[1]).execute());
    subscriptions.clear();
  }

  @AfterAll
  static void stop() {
    dead.close();
    healthy.close();
    flaky.close();
  }

  @Test
  void aDeadEndpointDoesNotHoldUpAHealthyOne() throws Exception {
    subscribe(CLINIC, CLINIC_TASKS, dead.url(), true);
    subscribe(HOLBAEK, HOLBAEK_TASKS, healthy.url(), true);

    List<String> tasks = new ArrayList<>();
    List<Long> waited = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      long posted = System.nanoTime() / 1_000_000;
      String task = submitReferral();
      tasks.add(task);
      await(() -> healthy.taken().stream().anyMatch(t -> t.path().endsWith("/Task/" + task)), Duration.ofSeconds(10));
      waited.add(healthy.taken().stream().filter(t -> t.path().endsWith("/Task/" + task)).findFirst().orElseThrow()
          .nanos() / 1_000_000 - posted);
    }

    assertThat(dead.attempts()).as("the dead endpoint was tried").isGreaterThanOrEqualTo(1);
    assertThat(waited).as("ms from the referral's answer to the healthy subscriber's notification")
        .allSatisfy(ms -> assertThat(ms).isLessThan(2000));
  }

  @Test
  void anEndpointFailingRepeatedlyPutsItsSubscriptionInErrorAndGetsWhatItMissedOnceResumed() throws Exception {
    String id = subscribe(HOLBAEK, HOLBAEK_TASKS, flaky.url(), false);
    String first = submitReferral();

    await(() -> read(HOLBAEK, id).getStatus() == SubscriptionStatus.ERROR, Duration.ofSeconds(20));
    Subscription failing = read(HOLBAEK, id);
    assertThat(failing.getError()).contains("failed " + MAX_FAILURES + " times", "HTTP 500", "requested");
    assertThat(flaky.attempts()).isEqualTo(MAX_FAILURES);
    String second = submitReferral(); // while in error: kept, not sent
    Thread.sleep(1000);
    assertThat(flaky.attempts()).isEqualTo(MAX_FAILURES);
    assertThat(read(HOLBAEK, id).getExtensionByUrl(DeliveryState.QUEUED).getValue().primitiveValue()).isEqualTo("2");

    flaky.set(NotificationReceiver.Mode.TAKE);
    fhirAs(HOLBAEK).update().resource(failing.setStatus(SubscriptionStatus.REQUESTED)).execute();

    await(() -> flaky.taken().size() >= 2, Duration.ofSeconds(10));
    List<NotificationReceiver.Taken> taken = flaky.taken();
    assertThat(taken).extracting(t -> t.focus().split("/")[1]).containsExactly(first, second);
    assertThat(taken.get(0).sequence()).isLessThan(taken.get(1).sequence());
    assertThat(taken).allSatisfy(t -> assertThat(t.body()).as("no payload asked for: id-only").isEmpty());
    Subscription resumed = read(HOLBAEK, id);
    assertThat(resumed.getStatus()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(resumed.hasError()).isFalse();
  }

  @Test
  void theClientCannotPutItsSubscriptionInErrorItself() {
    String id = subscribe(HOLBAEK, HOLBAEK_TASKS, healthy.url(), false);
    Subscription subscription = read(HOLBAEK, id).setStatus(SubscriptionStatus.ERROR);

    HttpResponse<String> response = sendAs(HOLBAEK, "PUT", "/Subscription/" + id,
        FHIR.newJsonParser().encodeResourceToString(subscription));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("NOTIF-003", "requested");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Task?requester:missing=false&requester=Organization/municipality-kalundborg|requester:missing",
      "Task?requester=Organization/municipality-kalundborg&_has:Consent:patient:status=active|_has:Consent",
      "Task?requester=Organization/municipality-kalundborg&patient.identifier=x|patient.identifier",
      "Task?requester=Organization/municipality-kalundborg&focus=ServiceRequest/1|focus",
      "Patient?identifier=urn:oid:1.2.208.176.1.2|0101|Patient",
      "DocumentReference?patient=Patient/1|DocumentReference"})
  void criteriaTheGatewayCannotMatchInMemoryOrTheRoleMayNotUseAreRefusedNamingTheParameter(String example) {
    String criteria = example.substring(0, example.lastIndexOf('|'));
    String named = example.substring(example.lastIndexOf('|') + 1);

    HttpResponse<String> response = sendAs(KALUNDBORG, "POST", "/Subscription",
        FHIR.newJsonParser().encodeResourceToString(subscription(criteria, healthy.url(), false)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    assertThat(response.body()).contains("NOTIF-001", named);
  }

  @Test
  void aChannelOtherThanRestHookWithFhirJsonIsRefused() {
    Subscription email = subscription(HOLBAEK_TASKS, healthy.url(), false);
    email.getChannel().setType(Subscription.SubscriptionChannelType.EMAIL);
    Subscription xml = subscription(HOLBAEK_TASKS, healthy.url(), false);
    xml.getChannel().setPayload("application/fhir+xml");

    for (Subscription refused : List.of(email, xml)) {
      HttpResponse<String> response =
          sendAs(HOLBAEK, "POST", "/Subscription", FHIR.newJsonParser().encodeResourceToString(refused));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
      assertThat(response.body()).contains("NOTIF-002");
    }
  }

  /**
   * The clinic is told of a new task before the citizen's data is released to it (consent pending or not): the
   * payload is the Task alone, as its read gives it, with the citizen only as a reference, never the citizen's record
   * or documents; and no Subscription can be written to watch the citizen's record or documents (above).
   */
  @Test
  void aPayloadIsTheChangedResourceAloneAsTheSubscriberMayReadIt() throws Exception {
    subscribe(CLINIC, CLINIC_TASKS, healthy.url(), true);
    ReferralFixture referral = ReferralFixture.referral("le275-certificate");
    String task = stored(fhirAs(HOLBAEK).transaction().withBundle(referral.bundle()).execute());

    await(() -> healthy.taken().stream().anyMatch(t -> t.path().endsWith("/Task/" + task)), Duration.ofSeconds(10));
    NotificationReceiver.Taken taken = healthy.taken().stream().filter(t -> t.path().endsWith("/Task/" + task)).findFirst()
        .orElseThrow();

    assertThat(taken.method()).isEqualTo("PUT");
    Task payload = FHIR.newJsonParser().parseResource(Task.class, taken.body());
    Task read = fhirAs(CLINIC).read().resource(Task.class).withId(task).execute();
    assertThat(payload.getFor().getReference()).isEqualTo(read.getFor().getReference());
    assertThat(payload.hasContained()).isFalse();
    assertThat(payload.getMeta().getSecurity()).as("the gateway's access labels stay inside").isEmpty();
    assertThat(taken.body()).doesNotContain(referral.cpr());
  }

  /**
   * A message about a Holbæk case that the clinic addresses to Kalundborg as well (a party of no case of the citizen):
   * Kalundborg's Subscription to its messages matches it, but Kalundborg may not read it, so nothing at all is sent to
   * it, not even the reference; Holbæk, a party, is told.
   */
  @Test
  void aSubscriberThatMayNotReadTheChangeIsToldNothing() throws Exception {
    subscribe(KALUNDBORG, "Communication?recipient=Organization/municipality-kalundborg", healthy.url(), true);
    subscribe(HOLBAEK, "Communication?recipient=Organization/municipality-holbaek", flaky.url(), true);
    flaky.set(NotificationReceiver.Mode.TAKE);
    Bundle referral = fhirAs(HOLBAEK).transaction()
        .withBundle(ReferralFixture.referral("le275-certificate").bundle()).execute();
    Communication message = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED);
    message.addCategory(new CodeableConcept(new Coding(
        "http://kf-gateway.dk/fhir/CodeSystem/kf-communication-categories", "result", null)));
    message.setSubject(new Reference(location(referral, "Patient/")))
        .addAbout(new Reference(location(referral, "ServiceRequest/")));
    message.setSent(new java.util.Date()).setSender(new Reference(ReferralFixture.CLINIC));
    message.addRecipient(new Reference("Organization/municipality-holbaek"))
        .addRecipient(new Reference("Organization/municipality-kalundborg"));
    message.addPayload().setContent(new Reference(location(referral, "DocumentReference/")));
    String id = fhirAs(CLINIC).create().resource(message).execute().getId().getIdPart();

    await(() -> flaky.taken().stream().anyMatch(t -> t.path().endsWith("/Communication/" + id)),
        Duration.ofSeconds(10));
    Thread.sleep(1000); // had Kalundborg's gone out, it would be there by now
    assertThat(healthy.taken()).as("what reached Kalundborg").isEmpty();
    assertThat(healthy.attempts()).isZero();
  }

  private String subscribe(String client, String criteria, String endpoint, boolean payload) {
    String id = fhirAs(client).create().resource(subscription(criteria, endpoint, payload)).execute().getId()
        .getIdPart();
    subscriptions.add(new String[] {client, id});
    assertThat(read(client, id).getStatus()).as("active at once").isEqualTo(SubscriptionStatus.ACTIVE);
    return id;
  }

  private static Subscription subscription(String criteria, String endpoint, boolean payload) {
    Subscription subscription = new Subscription().setStatus(SubscriptionStatus.REQUESTED).setReason("Notify")
        .setCriteria(criteria);
    subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(endpoint);
    if (payload) {
      subscription.getChannel().setPayload("application/fhir+json");
    }
    return subscription;
  }

  private Subscription read(String client, String id) {
    return fhirAs(client).read().resource(Subscription.class).withId(id).execute();
  }

  private String submitReferral() {
    return stored(fhirAs(HOLBAEK).transaction().withBundle(ReferralFixture.referral("le275-certificate").bundle())
        .execute());
  }

  private static String location(Bundle answer, String prefix) {
    return answer.getEntry().stream().map(e -> e.getResponse().getLocation()).filter(l -> l.startsWith(prefix))
        .findFirst().orElseThrow().replaceFirst("/_history/.*", "");
  }

  private static String stored(Bundle answer) {
    return answer.getEntry().stream().map(e -> e.getResponse().getLocation()).filter(l -> l.startsWith("Task/"))
        .findFirst().orElseThrow().split("/")[1];
  }

  private static void await(BooleanSupplier condition, Duration patience) throws InterruptedException {
    Instant deadline = Instant.now().plus(patience);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waited " + patience).isBefore(deadline);
      Thread.sleep(50);
    }
  }
}
