package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cross-tenant matrix: two municipalities, two clinics and two GP clinics, each reaching for the other one's case
 * by every access path (read, vread, history, search by id, by citizen, chained, with _revinclude, paging, totals,
 * inside a transaction, conditional update, operations, subscriptions, writing on the other's behalf). Every attempt
 * is refused or answers nothing, no id or count of the other case shows, and every attempt leaves an audit record.
 */
class PartyReachingIntoAnotherPartysCaseTest extends GatewayIntegrationTest {

  private static final java.time.Instant START = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  private static TenantCases cases;
  private static int casesPort;

  @BeforeEach
  void twoCases() {
    if (cases == null || casesPort != port) {
      cases = TenantCases.create(fhir, this::fhirAs);
      casesPort = port;
    }
  }

  /** Each attacker and the case it is not a party of. */
  enum Attacker {
    HOLBAEK("holbaek-jobcenter", false),
    KALUNDBORG("kalundborg-jobcenter", true),
    CLINIC_SJAELLAND("kf-sjaelland-ehr", false),
    CLINIC_MIDTJYLLAND("kf-midtjylland-ehr", true),
    GP_NORDVEJ("gp-nordvej", false),
    GP_STRANDVEJ("gp-strandvej", true),
    ADMINISTRATOR("gateway-admin", true);

    final String client;
    final boolean targetsCaseA;

    Attacker(String client, boolean targetsCaseA) {
      this.client = client;
      this.targetsCaseA = targetsCaseA;
    }
  }

  /** The ways of reaching for another party's data. */
  enum Path {
    READ, VREAD, INSTANCE_HISTORY, SEARCH_BY_ID, SEARCH_BY_CITIZEN, CHAINED_SEARCH, REVINCLUDE, TYPE_HISTORY,
    PAGING, TOTAL, TRANSACTION_READ, TRANSACTION_UPDATE, CONDITIONAL_UPDATE, OPERATION, SUBSCRIPTION,
    WRITE_ON_BEHALF
  }

  static Stream<Arguments> attempts() {
    List<Arguments> all = new ArrayList<>();
    for (Attacker attacker : Attacker.values()) {
      for (Path path : Path.values()) {
        all.add(Arguments.of(attacker, path));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} reaching by {1}")
  @MethodSource("attempts")
  void everyAttemptIsRefusedShowsNothingAndIsAudited(Attacker attacker, Path path) {
    TenantCases.Case victim = attacker.targetsCaseA ? cases.a() : cases.b();
    long auditedBefore = auditRecordsOf(attacker.client);

    List<HttpResponse<String>> responses = attempt(attacker.client, path, victim);

    for (HttpResponse<String> response : responses) {
      assertNothingOf(victim, response);
    }
    assertThat(auditRecordsOf(attacker.client)).as("audit records of " + attacker.client)
        .isGreaterThanOrEqualTo(auditedBefore + responses.size());
  }

  @ParameterizedTest(name = "{0} sees its own case")
  @MethodSource("owners")
  void eachPartySeesItsOwnCase(String client, boolean caseA, String type) {
    TenantCases.Case own = caseA ? cases.a() : cases.b();
    String id = own.resources().stream().filter(r -> r.startsWith(type + "/")).findFirst().orElseThrow();

    assertThat(sendAs(client, "GET", "/" + id, null).statusCode()).isEqualTo(200);
  }

  static Stream<Arguments> owners() {
    return Stream.of(
        Arguments.of("holbaek-jobcenter", true, "Task"), Arguments.of("holbaek-jobcenter", true, "Consent"),
        Arguments.of("holbaek-jobcenter", true, "DocumentReference"), Arguments.of("holbaek-jobcenter", true, "Patient"),
        Arguments.of("kalundborg-jobcenter", false, "ServiceRequest"),
        Arguments.of("kf-sjaelland-ehr", true, "Task"), Arguments.of("kf-sjaelland-ehr", true, "ServiceRequest"),
        Arguments.of("kf-sjaelland-ehr", true, "Patient"), Arguments.of("kf-sjaelland-ehr", true, "Consent"),
        Arguments.of("kf-midtjylland-ehr", false, "Task"), Arguments.of("kf-midtjylland-ehr", false, "Communication"),
        Arguments.of("gp-nordvej", true, "Communication"), Arguments.of("gp-nordvej", true, "DocumentReference"),
        Arguments.of("gp-nordvej", true, "Patient"), Arguments.of("gp-strandvej", false, "Communication"));
  }

  private List<HttpResponse<String>> attempt(String client, Path path, TenantCases.Case victim) {
    List<HttpResponse<String>> responses = new ArrayList<>();
    String patient = victim.patient();
    String cpr = "urn:oid:1.2.208.176.1.2|" + victim.cpr();
    switch (path) {
      case READ -> victim.resources().forEach(id -> responses.add(get(client, "/" + id)));
      case VREAD -> victim.resources().forEach(id -> responses.add(get(client, "/" + id + "/_history/1")));
      case INSTANCE_HISTORY -> victim.resources().forEach(id -> responses.add(get(client, "/" + id + "/_history")));
      case SEARCH_BY_ID -> victim.resources().forEach(id -> responses.add(
          get(client, "/" + id.split("/")[0] + "?_id=" + id.split("/")[1])));
      case SEARCH_BY_CITIZEN -> {
        responses.add(get(client, "/Task?patient=" + patient));
        responses.add(get(client, "/ServiceRequest?subject=" + patient));
        responses.add(get(client, "/DocumentReference?subject=" + patient));
        responses.add(get(client, "/Consent?patient=" + patient));
        responses.add(get(client, "/Communication?subject=" + patient));
        responses.add(get(client, "/Patient?identifier=" + encode(cpr)));
      }
      case CHAINED_SEARCH -> {
        responses.add(get(client, "/Task?patient.identifier=" + encode(cpr)));
        responses.add(get(client, "/DocumentReference?subject.identifier=" + encode(cpr)));
        responses.add(get(client, "/Communication?subject.identifier=" + encode(cpr)));
        responses.add(get(client, "/Task?focus:ServiceRequest.subject.identifier=" + encode(cpr)));
      }
      case REVINCLUDE -> {
        responses.add(get(client, "/Organization?_id=" + id(victim.clinicOrganization()) + "&_revinclude=Task:owner"));
        responses.add(get(client, "/Organization?_id=" + id(victim.gpOrganization())
            + "&_revinclude=Communication:recipient"));
        responses.add(get(client, "/Patient?_id=" + id(patient) + "&_revinclude=Task:patient"));
      }
      case TYPE_HISTORY -> {
        responses.add(get(client, "/Task/_history?_count=200"));
        responses.add(get(client, "/Communication/_history?_count=200"));
      }
      case PAGING -> responses.addAll(allPages(client, "/Task?_count=2&_sort=-_lastUpdated"));
      case TOTAL -> {
        responses.add(get(client, "/Task?patient=" + patient + "&_summary=count"));
        responses.add(get(client, "/Task?_total=accurate&_count=1"));
      }
      case TRANSACTION_READ -> {
        responses.add(send(client, "POST", "", reading(victim, Bundle.BundleType.BATCH)));
        responses.add(send(client, "POST", "", reading(victim, Bundle.BundleType.TRANSACTION)));
      }
      case TRANSACTION_UPDATE -> responses.add(send(client, "POST", "", transactionUpdating(victim)));
      case CONDITIONAL_UPDATE -> responses.add(send(client, "PUT",
          "/ServiceRequest?_id=" + id(victim.serviceRequest()), FHIR.newJsonParser().encodeResourceToString(
              storedRequest(victim).setPriority(ServiceRequest.ServiceRequestPriority.URGENT))));
      case OPERATION -> {
        responses.add(get(client, "/" + victim.task() + "/$meta"));
        responses.add(send(client, "POST", "/" + victim.serviceRequest() + "/$validate",
            FHIR.newJsonParser().encodeResourceToString(storedRequest(victim))));
      }
      case SUBSCRIPTION -> responses.add(send(client, "POST", "/Subscription", subscriptionTo(victim)));
      case WRITE_ON_BEHALF -> responses.add(send(client, "POST", "/Consent",
          FHIR.newJsonParser().encodeResourceToString(new org.hl7.fhir.r4.model.Consent()
              .setStatus(org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE)
              .setPatient(new org.hl7.fhir.r4.model.Reference(patient))
              .addOrganization(new org.hl7.fhir.r4.model.Reference(victim.municipalityOrganization())))));
    }
    assertThat(storedRequest(victim).getPriority()).as("the victim's referral is unchanged").isNull();
    return responses;
  }

  private void assertNothingOf(TenantCases.Case victim, HttpResponse<String> response) {
    int status = response.statusCode();
    assertThat(status).as(response.uri() + " " + response.body()).isIn(200, 400, 403, 404, 422);
    if (status != 200) {
      assertThat(response.body()).contains("OperationOutcome");
      return;
    }
    Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
    assertThat(bundle.hasTotal() && bundle.getTotal() > 0).as("a total on " + response.uri()).isFalse();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.hasResource()) {
        String shown = entry.getResource().fhirType() + "/" + entry.getResource().getIdElement().getIdPart();
        assertThat(victim.resources()).as("shown on " + response.uri()).doesNotContain(shown);
      }
      if (entry.hasResponse() && bundle.getType() != Bundle.BundleType.HISTORY) {
        assertThat(entry.getResponse().getStatus()).as("entry of " + response.uri()).doesNotStartWith("2");
      }
    }
  }

  private HttpResponse<String> get(String client, String path) {
    return sendAs(client, "GET", path, null);
  }

  private HttpResponse<String> send(String client, String method, String path, String body) {
    return sendAs(client, method, path, body);
  }

  private List<HttpResponse<String>> allPages(String client, String first) {
    List<HttpResponse<String>> pages = new ArrayList<>();
    HttpResponse<String> page = get(client, first);
    pages.add(page);
    for (int i = 0; i < 30 && page.statusCode() == 200; i++) {
      Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, page.body());
      if (bundle.getLink("next") == null) {
        break;
      }
      page = get(client, bundle.getLink("next").getUrl().substring(baseUrl().length()));
      pages.add(page);
    }
    return pages;
  }

  private String reading(TenantCases.Case victim, Bundle.BundleType type) {
    Bundle bundle = new Bundle().setType(type);
    victim.resources().forEach(id -> bundle.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl(id));
    return FHIR.newJsonParser().encodeResourceToString(bundle);
  }

  private String transactionUpdating(TenantCases.Case victim) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    ServiceRequest changed = storedRequest(victim).setPriority(ServiceRequest.ServiceRequestPriority.URGENT);
    bundle.addEntry().setResource(changed).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(victim.serviceRequest());
    return FHIR.newJsonParser().encodeResourceToString(bundle);
  }

  private ServiceRequest storedRequest(TenantCases.Case victim) {
    return fhir.read().resource(ServiceRequest.class).withId(victim.serviceRequest()).execute();
  }

  private String subscriptionTo(TenantCases.Case victim) {
    Subscription subscription = new Subscription().setStatus(Subscription.SubscriptionStatus.REQUESTED)
        .setReason("Other party's cases").setCriteria("Task?owner=" + victim.clinicOrganization());
    subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK)
        .setEndpoint("http://127.0.0.1:9/notify").setPayload("application/fhir+json");
    return FHIR.newJsonParser().encodeResourceToString(subscription);
  }

  /** The audit records of this client so far (newest first, at most 200 of them: enough to see new ones arrive). */
  private long auditRecordsOf(String client) {
    HttpResponse<String> response =
        send("GET", "/AuditEvent?agent-name=" + client + "&date=ge" + START + "&_count=200&_elements=id", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Bundle page = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
    assertThat(page.getLink("next")).as("more than 200 audit records of " + client).isNull();
    return page.getEntry().size();
  }

  private static String id(String reference) {
    return reference.substring(reference.indexOf('/') + 1);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
