package dk.kfgateway.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue item 11: client mistakes answered 5xx: any XML write (500 naming InvalidDataAccessApiUsageException, while the
 * metadata advertised XML), {@code $authorize-lookup} on an unknown Task (500 UnexpectedRollbackException), a batch
 * GET of a withheld Patient (500, ConcurrentModificationException), the browser's authorisation endpoint (500). A
 * client's mistake, however malformed, gets a 4xx saying what is wrong; never a 5xx, and never a stack trace.
 */
class AttackerProvokingServerErrorsTest extends AttackScenario {

  @ParameterizedTest(name = "a write in {0}")
  @ValueSource(strings = {"application/fhir+xml", "application/xml", "text/xml"})
  void anXmlWriteIsRefusedWith415(String contentType) {
    Attempt attempt = attempt(Party.HOLBAEK, "POST", "/Patient",
        "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"Uden CPR\"/></name></Patient>",
        "Content-Type", contentType);

    assertThat(attempt.status()).as(attempt.toString()).isEqualTo(415);
    assertThat(ruleOf(attempt)).isEqualTo("FHIR-415");
  }

  @Test
  void anXmlUpdateTransactionAndPatchAreRefusedWith415() {
    String task = "<Task xmlns=\"http://hl7.org/fhir\"><id value=\"task-1\"/><status value=\"received\"/></Task>";
    Attempt update = attempt(Party.CLINIC_SJAELLAND, "PUT", "/Task/task-1", task,
        "Content-Type", "application/fhir+xml", "If-Match", "W/\"1\"");
    Attempt transaction = attempt(Party.HOLBAEK, "POST", "",
        "<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"transaction\"/></Bundle>",
        "Content-Type", "application/fhir+xml");
    Attempt patch = attempt(Party.CLINIC_SJAELLAND, "PATCH", "/Task/task-1",
        "<diff><replace sel=\"Task/status/@value\">received</replace></diff>",
        "Content-Type", "application/xml-patch+xml", "If-Match", "W/\"1\"");

    for (Attempt attempt : new Attempt[] {update, transaction, patch}) {
      assertThat(attempt.status()).as(attempt.toString()).isEqualTo(415);
    }
  }

  @ParameterizedTest(name = "If-Match: {0}")
  @ValueSource(strings = {"garbage", "W/\"abc\"", "*", "W/3"})
  void anUnreadableIfMatchIsRefusedWith400NamingTheForm(String ifMatch) {
    Attempt attempt = attempt(Party.CLINIC_SJAELLAND, "PUT", "/Task/task-4",
        "{\"resourceType\":\"Task\",\"id\":\"task-4\"}", "If-Match", ifMatch);

    assertThat(attempt.status()).as(attempt.toString()).isEqualTo(400);
    assertThat(ruleOf(attempt)).isEqualTo("FHIR-428");
    assertThat(attempt.text()).contains("W/\\\"<version>\\\"");
  }

  /** HAPI has no storage for a type the gateway does not serve, and failed on a reference to one with a 500. */
  @ParameterizedTest(name = "a document whose context names {0}")
  @ValueSource(strings = {"Encounter/1", "CarePlan/1", "QuestionnaireResponse/1"})
  void aReferenceToATypeTheGatewayDoesNotServeIsNotFound(String target) {
    CaseFile own = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    org.hl7.fhir.r4.model.DocumentReference document =
        AttackerWritingThroughConditionalReferencesTest.document(own, own.serviceRequest());
    document.getContext().addEncounter(new org.hl7.fhir.r4.model.Reference(target));

    Attempt attempt = attempt(Party.HOLBAEK, "POST", "/DocumentReference", json(document));

    assertThat(attempt.status()).as(attempt.toString()).isEqualTo(400);
    assertThat(attempt.text()).contains("OperationOutcome", "HAPI-1094", target + " not found")
        .doesNotContain("NullPointerException", "Dao");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "_history/{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"99999999999999999999", "abc", "-1"})
  void aVersionThatIsNoNumberIsA400NotAServerError(String version) {
    CaseFile own = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);

    Attempt attempt = get(Party.HOLBAEK, "/" + own.task() + "/_history/" + version);

    assertThat(attempt.status()).as(attempt.toString()).isEqualTo(400);
    assertThat(attempt.text()).contains("OperationOutcome", "must be a whole number").doesNotContain("HAPI-2223");
  }

  @Test
  void aRequestTheFirewallRejectsIsA400OutcomeThatEchoesNothing() {
    Attempt attempt = attempt(Party.CLINIC_SJAELLAND, "PUT", "/Task/task-4?secret%0Avalue=1",
        "{\"resourceType\":\"Task\"}", "If-Match", "W/\"1\"");

    assertThat(attempt.status()).as(attempt.toString()).isEqualTo(400);
    assertThat(attempt.text()).contains("OperationOutcome").doesNotContain("secret");
  }

  @Test
  void aPathThatWalksUpwardsIsA400Outcome() {
    Attempt attempt = get(Party.CLINIC_SJAELLAND, "/Task/%2e%2e/Patient");

    assertThat(attempt.status()).as(attempt.toString()).isEqualTo(400);
    assertThat(attempt.text()).contains("OperationOutcome");
  }

  @Test
  void theMetadataAdvertisesOnlyJson() {
    HttpResponse<String> metadata = sendWithToken(null, "GET", "/metadata", null);

    CapabilityStatement capabilities = FHIR.newJsonParser().parseResource(CapabilityStatement.class, metadata.body());
    assertThat(capabilities.getFormat()).extracting(f -> f.getValue()).noneMatch(f -> f.contains("xml"));
  }

  @Test
  void authorizeLookupOnAnUnknownTaskAnswersAsAReadOfIt() {
    Attempt lookup = get(Party.CLINIC_SJAELLAND, "/Task/no-such-task/$authorize-lookup");
    Attempt read = get(Party.CLINIC_SJAELLAND, "/Task/no-such-task");

    assertThat(lookup.status()).isEqualTo(404);
    assertThat(lookup.text()).isEqualTo(read.text());
  }

  @Test
  void authorizeLookupOnAnotherRegionsTaskAnswersAsOnAnUnknownOne() {
    Attempt lookup = attempt(Party.CLINIC_MIDTJYLLAND, "POST", "/" + holbaeksCase().task() + "/$authorize-lookup", null);

    assertUnknownOrRefused(lookup, holbaeksCase().task());
  }

  @Test
  void aBatchReadOfAWithheldPatientIsRefusedWithoutAServerError() {
    CaseFile withdrawn = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    withdrawConsent(Party.HOLBAEK, withdrawn.consent());

    Attempt batch = attempt(Party.CLINIC_SJAELLAND, "POST", "",
        reading(Bundle.BundleType.BATCH, withdrawn.patient(), withdrawn.task(), withdrawn.document()));

    assertRefusedByAllowList(batch);
  }

  @Test
  void aReferralAskingForTheFullRepresentationIsNoServerError() {
    dk.kfgateway.support.ReferralFixture referral = Referrals.from(Party.HOLBAEK, Party.CLINIC_SJAELLAND,
        Party.GP_NORDVEJ);

    Attempt attempt = attempt(Party.HOLBAEK, "POST", "", json(referral.bundle()), "Prefer", "return=representation");

    assertThat(attempt.status()).as(attempt.toString()).isEqualTo(200);
    String task = attempt.text().replaceAll("(?s).*\"location\" *: *\"(Task/[^/\"]+).*", "$1");
    assertThat(get(Party.CLINIC_SJAELLAND, "/" + task).status()).as("the clinic sees the new task").isEqualTo(200);
    assertThat(get(Party.ROSKILDE, "/" + task).status()).as("labelled: hidden from another municipality")
        .isEqualTo(404);
  }

  @Test
  void aBrowserAtTheAuthorizationEndpointGetsA400() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl().replace("/fhir", "")
        + "/oauth2/authorize?response_type=code&client_id=holbaek-jobcenter&redirect_uri=http://127.0.0.1:9/cb"
        + "&scope=system/Task.rs&state=x")).GET().build();

    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
  }

  static Stream<Arguments> mistakes() {
    String longId = "x".repeat(80);
    return Stream.of(
        Arguments.of(Party.HOLBAEK, "POST", "/Patient", "{\"resourceType\":\"Patient\",", "application/fhir+json"),
        Arguments.of(Party.HOLBAEK, "POST", "/Task", "{\"resourceType\":\"Patient\"}", "application/fhir+json"),
        Arguments.of(Party.HOLBAEK, "POST", "/Task", "", "application/fhir+json"),
        Arguments.of(Party.HOLBAEK, "POST", "/Task", "[1,2,3]", "application/fhir+json"),
        Arguments.of(Party.HOLBAEK, "POST", "/Patient", "{\"resourceType\":\"Patient\",\"birthDate\":\"not a date\"}",
            "application/fhir+json"),
        Arguments.of(Party.HOLBAEK, "POST", "/Patient", "plain text", "text/plain"),
        Arguments.of(Party.HOLBAEK, "POST", "", "{\"resourceType\":\"Bundle\",\"type\":\"document\"}",
            "application/fhir+json"),
        Arguments.of(Party.HOLBAEK, "POST", "", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\","
            + "\"entry\":[{\"resource\":{\"resourceType\":\"Patient\"}}]}", "application/fhir+json"),
        Arguments.of(Party.HOLBAEK, "POST", "", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
            + "{\"fullUrl\":\"urn:uuid:1\",\"resource\":{\"resourceType\":\"Basic\"},\"request\":{\"method\":\"POST\","
            + "\"url\":\"Basic\"}},{\"fullUrl\":\"urn:uuid:1\",\"resource\":{\"resourceType\":\"Basic\"},"
            + "\"request\":{\"method\":\"POST\",\"url\":\"Basic\"}}]}", "application/fhir+json"),
        Arguments.of(Party.HOLBAEK, "POST", "", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
            + "{\"request\":{\"method\":\"DELETE\",\"url\":\"Patient?identifier=x\"}}]}", "application/fhir+json"),
        Arguments.of(Party.HOLBAEK, "GET", "/Task?_count=abc", null, null),
        Arguments.of(Party.HOLBAEK, "GET", "/Task?_count=2147483648", null, null),
        Arguments.of(Party.HOLBAEK, "GET", "/Task?_lastUpdated=not-a-date", null, null),
        Arguments.of(Party.HOLBAEK, "GET", "/Task?_sort=no-such-parameter", null, null),
        Arguments.of(Party.HOLBAEK, "GET", "/Task?no-such-parameter=1", null, null),
        Arguments.of(Party.HOLBAEK, "GET", "/Task/" + longId, null, null),
        Arguments.of(Party.HOLBAEK, "GET", "/Task/task-1/_history/not-a-version", null, null),
        Arguments.of(Party.HOLBAEK, "GET", "/NoSuchType/1", null, null),
        Arguments.of(Party.HOLBAEK, "GET", "/Task/task-1/$no-such-operation", null, null),
        Arguments.of(Party.HOLBAEK, "GET", "/$graphql?query=" + "%7BTaskList%7Bid%7D%7D", null, null),
        Arguments.of(Party.HOLBAEK, "POST", "/Task/no-such-task/$follow-gp-recommendation", null, null),
        Arguments.of(Party.SECRETARIAT, "POST", "/Communication/no-such-copy/$retry-delivery", null, null),
        Arguments.of(Party.CLINIC_SJAELLAND, "POST", "/Task/task-1/$authorize-lookup", "{", "application/fhir+json"),
        Arguments.of(Party.CLINIC_SJAELLAND, "PATCH", "/Task/task-1", "[{\"op\":\"nonsense\"}]",
            "application/json-patch+json"),
        Arguments.of(Party.CLINIC_SJAELLAND, "PATCH", "/Task/task-1", "{\"not\":\"a patch\"}",
            "application/json-patch+json"),
        Arguments.of(Party.CLINIC_SJAELLAND, "PUT", "/Task/task-1", "{\"resourceType\":\"Task\",\"id\":\"task-2\"}",
            "application/fhir+json"),
        Arguments.of(Party.GP_NORDVEJ, "GET", "/Binary/no-such-pdf", null, null),
        Arguments.of(Party.GP_NORDVEJ, "DELETE", "/Communication?status=completed", null, null),
        Arguments.of(Party.ADMINISTRATOR, "GET", "/AuditEvent?date=not-a-date", null, null),
        Arguments.of(Party.ADMINISTRATOR, "POST", "/AuditEvent/$validate", "{\"resourceType\":\"AuditEvent\"}",
            "application/fhir+json"));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("mistakes")
  void aClientsMistakeGetsA4xxNeverA5xx(Party party, String method, String path, String body, String contentType) {
    Attempt attempt = contentType == null ? attempt(party, method, path, body)
        : attempt(party, method, path, body, "Content-Type", contentType, "If-Match", "W/\"1\"");

    assertThat(attempt.status()).as(attempt.toString()).isBetween(400, 499);
    assertThat(attempt.text()).doesNotContain("Exception", "\tat ");
  }

  @ParameterizedTest(name = "asking for {0}")
  @ValueSource(strings = {"Accept=application/fhir+xml", "Accept=application/xml", "_format=xml"})
  void askingOnlyForXmlGets406(String how) {
    String[] parts = how.split("=", 2);
    Attempt attempt = parts[0].equals("Accept")
        ? attempt(Party.HOLBAEK, "GET", "/Task/task-1", null, "Accept", parts[1])
        : get(Party.HOLBAEK, "/Task/task-1?_format=" + parts[1]);

    assertThat(attempt.status()).as(attempt.toString()).isEqualTo(406);
  }
}
