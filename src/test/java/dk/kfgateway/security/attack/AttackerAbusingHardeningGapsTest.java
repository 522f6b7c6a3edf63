package dk.kfgateway.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.ig.Ig;
import dk.kfgateway.support.Pdfs;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue item 13: the demo GP inbox took unauthenticated POSTs (forged entries were listed), a Subscription could point
 * its rest-hook at any loopback port ({@code 127.0.0.1:5432} was accepted), and a DocumentReference posted outside a
 * referral skipped REF-010 ("hello world" as PDF data was stored). The inbox takes only the gateway's own signed
 * deliveries, rest-hooks go only to endpoints registered for the client (SEC-009), and every document a client writes
 * is a readable PDF (REF-010). Guessing client secrets: {@link AttackerGuessingClientSecretsTest}.
 */
class AttackerAbusingHardeningGapsTest extends AttackScenario {

  private static final String INBOX = "/demo/gp-inbox/gp-clinic-nordvej";

  @Test
  void anUnauthenticatedPostToTheDemoGpInboxIsRefusedAndNotListed() throws Exception {
    String forged = "forged-" + UUID.randomUUID();

    HttpResponse<String> post = postToInbox(forged, null, null);

    assertThat(post.statusCode()).as(post.body()).isEqualTo(401);
    assertThat(inbox()).doesNotContain(forged);
  }

  @Test
  void aPostWithAForgedSignatureIsRefusedAndNotListed() throws Exception {
    String forged = "forged-" + UUID.randomUUID();

    HttpResponse<String> post = postToInbox(forged, "X-KF-Gateway-Signature", "sha256=" + "ab".repeat(32));

    assertThat(post.statusCode()).as(post.body()).isEqualTo(403);
    assertThat(inbox()).doesNotContain(forged);
  }

  @ParameterizedTest(name = "{0} posting to the inbox with its own token")
  @EnumSource(value = Party.class, names = {"GP_NORDVEJ", "CLINIC_SJAELLAND"})
  void aPartysBearerTokenDoesNotOpenTheInbox(Party party) throws Exception {
    String forged = "forged-" + UUID.randomUUID();

    HttpResponse<String> post = postToInbox(forged, "Authorization", "Bearer " + tokens.of(party.client));

    assertThat(post.statusCode()).as(post.body()).isIn(401, 403);
    assertThat(inbox()).doesNotContain(forged);
  }

  static Stream<Arguments> unregisteredEndpoints() {
    String clinic = "Task?owner=Organization/kf-region-sjaelland";
    String holbaek = "Task?requester=PractitionerRole/caseworker-holbaek";
    return Stream.of(
        Arguments.of(Party.CLINIC_SJAELLAND, clinic, "http://127.0.0.1:5432"),
        Arguments.of(Party.CLINIC_SJAELLAND, clinic, "http://127.0.0.1:5432/notify"),
        Arguments.of(Party.CLINIC_SJAELLAND, clinic, "http://localhost:9/notify"),
        Arguments.of(Party.CLINIC_SJAELLAND, clinic, "http://[::1]:9/notify"),
        Arguments.of(Party.CLINIC_SJAELLAND, clinic, "http://127.0.0.1:9/notify/../admin"),
        Arguments.of(Party.CLINIC_SJAELLAND, clinic, "http://user:pw@127.0.0.1:9/notify"),
        Arguments.of(Party.CLINIC_SJAELLAND, clinic, "http://127.0.0.1:9/notify#fragment"),
        Arguments.of(Party.CLINIC_SJAELLAND, clinic, "https://ehr.regionsjaelland.example.evil.example/fhir-notify"),
        Arguments.of(Party.CLINIC_SJAELLAND, clinic, "https://ehr.regionsjaelland.example/fhir-notify/../../x"),
        Arguments.of(Party.CLINIC_SJAELLAND, clinic, "http://ehr.regionsjaelland.example/fhir-notify"),
        Arguments.of(Party.HOLBAEK, holbaek, "https://sag.holbaek.example/kf-notify/../secret"),
        Arguments.of(Party.HOLBAEK, holbaek, "https://sag.holbaek.example/kf-notify-evil/x"),
        Arguments.of(Party.HOLBAEK, holbaek, "https://sag.holbaek.example.evil.example/kf-notify/x"),
        Arguments.of(Party.HOLBAEK, holbaek, "https://ehr.regionsjaelland.example/fhir-notify"),
        Arguments.of(Party.HOLBAEK, holbaek, "http://127.0.0.1:5432"));
  }

  @ParameterizedTest(name = "{0} subscribing a rest-hook at {2}")
  @MethodSource("unregisteredEndpoints")
  void aRestHookAtAnEndpointNotRegisteredForTheClientIsRefused(Party party, String criteria, String endpoint) {
    Attempt attempt = attempt(party, "POST", "/Subscription", json(subscription(criteria, endpoint)));

    try {
      assertThat(attempt.status()).as(attempt.toString()).isEqualTo(422);
      // HAPI's own check of the URL (HAPI-2545) may refuse a malformed endpoint before the gateway's SEC-009
      assertThat(ruleOf(attempt) != null ? ruleOf(attempt) : attempt.text())
          .as(attempt.toString()).containsAnyOf("SEC-009", "HAPI-2545");
    } finally {
      deleteIfCreated(attempt);
    }
  }

  @Test
  void changingARegisteredRestHookToALoopbackPortIsRefused() {
    Subscription registered = subscription("Task?owner=Organization/kf-region-sjaelland",
        "https://ehr.regionsjaelland.example/fhir-notify").setStatus(Subscription.SubscriptionStatus.OFF);
    Attempt created = attempt(Party.CLINIC_SJAELLAND, "POST", "/Subscription", json(registered));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.answer().headers().firstValue("Location").orElseThrow()
        .replaceAll(".*/Subscription/([^/]+).*", "$1");
    try {
      registered.setId(id);
      registered.getChannel().setEndpoint("http://127.0.0.1:5432");

      Attempt changed = attempt(Party.CLINIC_SJAELLAND, "PUT", "/Subscription/" + id, json(registered));

      assertThat(changed.status()).as(changed.toString()).isEqualTo(422);
      assertThat(ruleOf(changed)).isEqualTo("SEC-009");
    } finally {
      send("DELETE", "/Subscription/" + id, null);
    }
  }

  @ParameterizedTest(name = "{0} posting \"hello world\" as a PDF")
  @EnumSource(value = Party.class, names = {"HOLBAEK", "CLINIC_SJAELLAND"})
  void aDocumentOutsideAReferralThatIsNoPdfIsRefusedWithRef010(Party party) {
    Attempt attempt = attempt(party, "POST", "/DocumentReference", json(helloWorld(party)));

    assertThat(attempt.status()).as(attempt.toString()).isEqualTo(422);
    assertThat(ruleOf(attempt)).isEqualTo("REF-010");
  }

  @Test
  void aDocumentThatIsNoPdfInsideATransactionIsRefused() {
    Attempt attempt = attempt(Party.CLINIC_SJAELLAND, "POST", "", writing(Bundle.BundleType.TRANSACTION,
        Bundle.HTTPVerb.POST, "DocumentReference", helloWorld(Party.CLINIC_SJAELLAND), null));

    assertThat(attempt.status()).as(attempt.toString()).isIn(403, 422);
    assertThat(ruleOf(attempt)).isIn("REF-010", ALLOW_LIST);
  }

  @Test
  void aStoredDocumentChangedToNoPdfIsRefusedWithRef010() {
    Attempt created = attempt(Party.CLINIC_SJAELLAND, "POST", "/DocumentReference",
        json(document(Party.CLINIC_SJAELLAND, Pdfs.withPages(1))));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    DocumentReference stored = FHIR.newJsonParser().parseResource(DocumentReference.class, get(Party.CLINIC_SJAELLAND,
        "/DocumentReference/" + created.answer().headers().firstValue("Location").orElseThrow()
            .replaceAll(".*/DocumentReference/([^/]+).*", "$1")).text());
    stored.getContentFirstRep().getAttachment().setData("hello world".getBytes(StandardCharsets.UTF_8));

    Attempt changed = attempt(Party.CLINIC_SJAELLAND, "PUT", "/DocumentReference/" + stored.getIdPart(), json(stored));

    assertThat(changed.status()).as(changed.toString()).isEqualTo(422);
    assertThat(ruleOf(changed)).isEqualTo("REF-010");
  }

  private DocumentReference helloWorld(Party party) {
    return document(party, "hello world".getBytes(StandardCharsets.UTF_8));
  }

  /** A statement about Holbæk's case, written by its municipality or its clinic. */
  private DocumentReference document(Party party, byte[] content) {
    CaseFile holbaeks = holbaeksCase();
    DocumentReference document = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
        .setType(new CodeableConcept(new Coding(Ig.codeSystem(Ig.CS_DOCUMENT_TYPES),
            party == Party.HOLBAEK ? "le265" : "le275", null)))
        .setSubject(new Reference(holbaeks.patient())).setDate(new Date());
    document.addAuthor(new Reference(party == Party.HOLBAEK ? party.person : "PractitionerRole/coordinator-holm"));
    document.getContext().addRelated(new Reference(holbaeks.serviceRequest()));
    document.addContent().setAttachment(new Attachment().setContentType("application/pdf").setTitle("Udtalelse")
        .setData(content));
    document.addExtension(Ig.EXT_PAGE_COUNT, new IntegerType(1));
    return document;
  }

  private static Subscription subscription(String criteria, String endpoint) {
    Subscription subscription = new Subscription().setStatus(Subscription.SubscriptionStatus.REQUESTED)
        .setReason("Nye opgaver").setCriteria(criteria);
    subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(endpoint)
        .setPayload("application/fhir+json");
    return subscription;
  }

  private void deleteIfCreated(Attempt attempt) {
    if (attempt.status() == 201) {
      attempt.answer().headers().firstValue("Location").ifPresent(location ->
          send("DELETE", "/Subscription/" + location.replaceAll(".*/Subscription/([^/]+).*", "$1"), null));
    }
  }

  private HttpResponse<String> postToInbox(String bundleId, String header, String value) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + INBOX))
        .header("Content-Type", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Bundle\",\"id\":\"" + bundleId
            + "\",\"type\":\"message\",\"entry\":[]}"));
    if (header != null) {
      request.header(header, value);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String inbox() throws Exception {
    HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create(root() + INBOX)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(listed.statusCode()).isEqualTo(200);
    return listed.body();
  }

  private String root() {
    return baseUrl().substring(0, baseUrl().length() - "/fhir".length());
  }
}
