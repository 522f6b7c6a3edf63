package dk.kfgateway.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.kfgateway.support.GatewayIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;

/**
 * What every attack scenario checks, over HTTP with the parties' own tokens: that the attempt answers exactly as for
 * an id that never existed (hidden is unknown, byte for byte apart from the id), or is refused by the allow-list
 * (403, SEC-008); that no attempt gets a 5xx; that the attempt is in the audit trail; and that serving it wrote no
 * ERROR line and no stack trace to the log.
 */
abstract class AttackScenario extends GatewayIntegrationTest {

  static final String CPR = "urn:oid:1.2.208.176.1.2";
  static final String ALLOW_LIST = "SEC-008";
  /** The demo citizens' CPR numbers (demo-data.json). */
  static final String KAREN_CPR = "0101304123";
  static final String JONAS_CPR = "1502314457";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Object> SHARED = new HashMap<>();
  private static final Pattern SEARCH_ID = Pattern.compile("_getpages=([0-9a-fA-F-]+)");

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  /** A request as it was sent and its answer: what the assertions replay for an unknown id. */
  record Attempt(String client, String method, String path, String sent, List<String> headers,
      HttpResponse<String> answer) {

    int status() {
      return answer.statusCode();
    }

    String text() {
      return answer.body();
    }

    @Override
    public String toString() {
      return client + " " + method + " " + path + " -> " + status() + " " + text();
    }
  }

  @BeforeEach
  void captureTheLog() {
    log.list.clear();
    log.start();
    root().addAppender(log);
  }

  @AfterEach
  void noErrorInTheLog() {
    root().detachAppender(log);
    log.stop();
    List<String> errors = log.list.stream()
        .filter(e -> e.getThreadName().contains("-exec-"))
        .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR) || e.getThrowableProxy() != null)
        .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage())
        .toList();
    assertThat(errors).as("ERROR lines or stack traces logged while the attempts were served").isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------- requests

  /** A request as this party; headers as name, value pairs. No attempt may get a 5xx. */
  protected Attempt attempt(Party party, String method, String path, String body, String... headers) {
    return attempt(party.client, method, path, body, headers);
  }

  protected Attempt attempt(String client, String method, String path, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + encoded(path)))
        .header("Authorization", "Bearer " + tokens.of(client));
    boolean accept = false;
    boolean contentType = false;
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
      accept |= headers[i].equalsIgnoreCase("Accept");
      contentType |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (!accept) {
      request.header("Accept", "application/fhir+json");
    }
    if (body != null && !contentType) {
      request.header("Content-Type", "application/fhir+json");
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> answer;
    try {
      answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Attempt attempt = new Attempt(client, method, path, body, List.of(headers), answer);
    assertThat(attempt.status()).as("no 5xx for a client's request: %s", attempt).isLessThan(500);
    assertThat(attempt.text()).as("no 5xx in an entry of the answer to %s", attempt)
        .doesNotContainPattern("\"status\"\\s*:\\s*\"5[0-9][0-9]");
    return attempt;
  }

  protected Attempt get(Party party, String path) {
    return attempt(party, "GET", path, null);
  }

  /** The same request again, with every occurrence of one id or token replaced by another. */
  protected Attempt replay(Attempt attempt, String token, String replacement) {
    List<String> headers = attempt.headers().stream().map(h -> replaced(h, token, replacement)).toList();
    return attempt(attempt.client(), attempt.method(), replaced(attempt.path(), token, replacement),
        attempt.sent() == null ? null : replaced(attempt.sent(), token, replacement), headers.toArray(String[]::new));
  }

  /** A Bundle of this type whose entries only read (GET) these URLs. */
  protected static String reading(Bundle.BundleType type, String... urls) {
    Bundle bundle = new Bundle().setType(type);
    for (String url : urls) {
      bundle.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl(url);
    }
    return json(bundle);
  }

  /** A Bundle of this type with one entry writing this resource. */
  protected static String writing(Bundle.BundleType type, Bundle.HTTPVerb method, String url, Resource resource,
      String ifNoneExist) {
    Bundle bundle = new Bundle().setType(type);
    Bundle.BundleEntryComponent entry = bundle.addEntry().setResource(resource);
    if (method == Bundle.HTTPVerb.POST) {
      entry.setFullUrl("urn:uuid:" + UUID.randomUUID());
    }
    entry.getRequest().setMethod(method).setUrl(url).setIfNoneExist(ifNoneExist);
    return json(bundle);
  }

  protected static String json(Resource resource) {
    return FHIR.newJsonParser().encodeResourceToString(resource);
  }

  protected <T extends Resource> T stored(Class<T> type, String reference) {
    return fhir.read().resource(type).withId(reference).execute();
  }

  /** A resource as this party reads it (labels and all that the gateway shows only to the setup client left out). */
  protected <T extends Resource> T readAs(Party party, Class<T> type, String reference) {
    Attempt read = get(party, "/" + reference);
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(type, read.text());
  }

  /** The municipality records that the citizen withdrew this consent (status inactive), as its case system would. */
  protected void withdrawConsent(Party municipality, String consent) {
    org.hl7.fhir.r4.model.Consent withdrawn = readAs(municipality, org.hl7.fhir.r4.model.Consent.class, consent)
        .setStatus(org.hl7.fhir.r4.model.Consent.ConsentState.INACTIVE);
    Attempt put = attempt(municipality, "PUT", "/" + consent, json(withdrawn));
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
  }

  /** A consent of the citizen as this municipality registers it, naming itself and this clinic (specific wording). */
  protected static org.hl7.fhir.r4.model.Consent consentFor(Party municipality, Party clinic, String patient) {
    org.hl7.fhir.r4.model.Consent consent =
        dk.kfgateway.support.ReferralFixture.referral(Referrals.SERVICE).consent().copy();
    consent.setPatient(new org.hl7.fhir.r4.model.Reference(patient));
    consent.setSource(new org.hl7.fhir.r4.model.Attachment().setContentType("application/pdf")
        .setTitle("Samtykkeerklæring").setData(dk.kfgateway.support.Pdfs.withPages(1)));
    consent.setOrganization(List.of(new org.hl7.fhir.r4.model.Reference(municipality.organization)));
    consent.getProvision().getActor().get(0).setReference(new org.hl7.fhir.r4.model.Reference(municipality.organization));
    consent.getProvision().getActor().get(1).setReference(new org.hl7.fhir.r4.model.Reference(clinic.organization));
    return consent;
  }

  /** The party reads the task, changes it and PUTs it back with If-Match on the version it read. */
  protected Attempt moveTask(Party party, String task, java.util.function.Consumer<org.hl7.fhir.r4.model.Task> change) {
    org.hl7.fhir.r4.model.Task current = readAs(party, org.hl7.fhir.r4.model.Task.class, task);
    change.accept(current);
    return attempt(party, "PUT", "/" + task, json(current), "If-Match", "W/\"" + current.getMeta().getVersionId() + "\"");
  }

  /** The clinic receives the task and accepts it for examination. */
  protected void receiveAndAccept(Party clinic, String task) {
    Attempt received = moveTask(clinic, task, t -> t.setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.RECEIVED));
    assertThat(received.status()).as(received.toString()).isEqualTo(200);
    Attempt accepted = moveTask(clinic, task, t -> t.setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.ACCEPTED)
        .setBusinessStatus(new org.hl7.fhir.r4.model.CodeableConcept(new org.hl7.fhir.r4.model.Coding(
            "http://kf-gateway.dk/fhir/CodeSystem/kf-triage-outcomes", "examination", null))));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
  }

  /** Set up once per test class and server, however many tests use it. */
  @SuppressWarnings("unchecked")
  protected <T> T shared(String name, Supplier<T> setup) {
    String key = getClass().getName() + "#" + name + "@" + port;
    synchronized (SHARED) {
      Object value = SHARED.get(key);
      if (value == null) {
        value = setup.get();
        SHARED.put(key, value);
      }
      return (T) value;
    }
  }

  /**
   * Two complete cases of two different sets of parties, shared by every scenario on this server: Holbæk to Klinisk
   * Funktion in Region Sjælland, the citizen's GP clinic Nordvej; Kalundborg to Klinisk Funktion in Region
   * Midtjylland, the citizen's GP clinic Strandvej.
   */
  protected CaseFile holbaeksCase() {
    return sharedAcrossScenarios("holbaek", () -> referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND,
        Party.GP_NORDVEJ));
  }

  protected CaseFile kalundborgsCase() {
    return sharedAcrossScenarios("kalundborg", () -> referrals().refer(Party.KALUNDBORG, Party.CLINIC_MIDTJYLLAND,
        Party.GP_STRANDVEJ));
  }

  @SuppressWarnings("unchecked")
  private <T> T sharedAcrossScenarios(String name, Supplier<T> setup) {
    String key = AttackScenario.class.getName() + "#" + name + "@" + port;
    synchronized (SHARED) {
      Object value = SHARED.get(key);
      if (value == null) {
        value = setup.get();
        SHARED.put(key, value);
      }
      return (T) value;
    }
  }

  protected Referrals referrals() {
    return new Referrals(fhir, this::fhirAs);
  }

  // -------------------------------------------------------------------------------------------------- assertions

  /**
   * The attempt on a hidden resource ("Type/id") answered exactly as the same attempt on an id that never existed:
   * same status, same content type, the same body byte for byte apart from the id (and, for a Bundle, its own id and
   * time stamp).
   */
  protected void assertAnswersAsUnknown(Attempt attempt, String hidden) {
    String unknownId = "kf-unknown-" + UUID.randomUUID().toString().substring(0, 8);
    assertAnswersAsUnknown(attempt, CaseFile.idPart(hidden), unknownId);
  }

  /** As {@link #assertAnswersAsUnknown(Attempt, String)}, replacing this token (an id, a search id) by that one. */
  protected void assertAnswersAsUnknown(Attempt attempt, String hiddenToken, String unknownToken) {
    Attempt unknown = replay(attempt, hiddenToken, unknownToken);
    assertThat(attempt.status()).as("status of %s%nwhile an unknown id answers %s", attempt, unknown)
        .isEqualTo(unknown.status());
    assertThat(attempt.answer().headers().firstValue("Content-Type"))
        .isEqualTo(unknown.answer().headers().firstValue("Content-Type"));
    assertThat(normalised(attempt.text()))
        .as("the answer for %s %s, compared with the answer for an unknown id", attempt.method(), attempt.path())
        .isEqualTo(normalised(replaced(unknown.text(), unknownToken, hiddenToken)));
  }

  /** Refused by the allow-list: 403 with an OperationOutcome naming SEC-008 as its first issue's rule. */
  protected static void assertRefusedByAllowList(Attempt attempt) {
    assertThat(attempt.status()).as("refused by the allow-list: %s", attempt).isEqualTo(403);
    assertThat(ruleOf(attempt)).as("the rule of %s", attempt).isEqualTo(ALLOW_LIST);
  }

  /** Refused with 403 naming one of these rules. */
  protected static void assertRefusedWith(Attempt attempt, String... rules) {
    assertThat(attempt.status()).as("refused: %s", attempt).isEqualTo(403);
    assertThat(ruleOf(attempt)).as("the rule of %s", attempt).isIn((Object[]) rules);
  }

  /**
   * Either answered as for an unknown id, or refused by the allow-list whether or not the resource exists (the
   * refusal itself must not depend on what is stored).
   */
  protected void assertUnknownOrRefused(Attempt attempt, String hidden) {
    if (attempt.status() == 403) {
      assertRefusedByAllowList(attempt);
    }
    assertAnswersAsUnknown(attempt, hidden);
  }

  /**
   * Nothing of these resources is in the answer: neither their ids nor their content (a Bundle's own links, which
   * repeat the query as sent, left aside).
   */
  protected static void assertRevealsNothingOf(Attempt attempt, String... resources) {
    String shown = withoutLinks(attempt.text());
    for (String resource : resources) {
      assertThat(shown).as("the answer to %s %s names %s", attempt.method(), attempt.path(), resource)
          .doesNotContainPattern("(?<![A-Za-z0-9.\\-])" + Pattern.quote(CaseFile.idPart(resource))
              + "(?![A-Za-z0-9.\\-])");
    }
  }

  private static String withoutLinks(String body) {
    try {
      JsonNode tree = JSON.readTree(body);
      if (tree instanceof ObjectNode object && "Bundle".equals(object.path("resourceType").asText())) {
        object.remove("link");
        object.remove("id");
        return object.toString();
      }
    } catch (IOException e) {
      // not JSON: searched as it is
    }
    return body;
  }

  static String ruleOf(Attempt attempt) {
    if (!attempt.text().contains("OperationOutcome")) {
      return null;
    }
    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, attempt.text());
    return outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode();
  }

  // ----------------------------------------------------------------------------------------------------- audit

  /** Now, as the audit trail records it; attempts made from here on are searched with {@code date=ge}. */
  protected static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /** The AuditEvents of this party recorded since then, newest first (searched as the setup client). */
  protected List<AuditEvent> auditOf(Party party, Instant since) {
    HttpResponse<String> response = send("GET", "/AuditEvent?agent-name=" + party.client + "&date=ge" + since
        + "&_sort=-date&_count=200", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body()).getEntry().stream()
        .map(e -> (AuditEvent) e.getResource()).toList();
  }

  /**
   * The attempt of this party since then is in the audit trail as denied (outcome 4), naming these resources (as
   * entity or citizen) where the gateway knows them.
   */
  protected AuditEvent assertAudited(Party party, Instant since, String... concerning) {
    return assertAuditedWith(party, since, AuditEvent.AuditEventOutcome._4, concerning);
  }

  /** A release of citizen data to this party since then is in the audit trail (outcome 0), naming these resources. */
  protected AuditEvent assertAuditedRelease(Party party, Instant since, String... concerning) {
    return assertAuditedWith(party, since, AuditEvent.AuditEventOutcome._0, concerning);
  }

  private AuditEvent assertAuditedWith(Party party, Instant since, AuditEvent.AuditEventOutcome outcome,
      String... concerning) {
    List<AuditEvent> events = List.of();
    for (int i = 0; i < 4; i++) {
      events = auditOf(party, since);
      Optional<AuditEvent> found = events.stream().filter(e -> e.getOutcome() == outcome)
          .filter(e -> entities(e).containsAll(List.of(concerning))).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      pause(100);
    }
    List<String> seen = events.stream().map(e -> e.getSubtypeFirstRep().getCode() + " outcome "
        + e.getOutcome().toCode() + " " + entities(e) + " " + e.getOutcomeDesc()).toList();
    throw new AssertionError("No AuditEvent of " + party.client + " since " + since + " with outcome "
        + outcome.toCode() + " concerning " + List.of(concerning) + "; recorded: " + seen);
  }

  static List<String> entities(AuditEvent event) {
    return event.getEntity().stream().filter(e -> e.getWhat().hasReference()).map(e -> e.getWhat().getReference())
        .map(r -> r.replaceFirst("/_history/.*", "")).toList();
  }

  // ----------------------------------------------------------------------------------------------------- helpers

  static String encoded(String path) {
    return path.replace("|", "%7C").replace(" ", "%20").replace("\"", "%22").replace("{", "%7B").replace("}", "%7D");
  }

  /** Replaces an id as a whole token (not inside a longer id: task-1 is not in task-10 or task-1-a). */
  static String replaced(String text, String token, String replacement) {
    return text.replaceAll("(?<![A-Za-z0-9.\\-])" + Pattern.quote(token) + "(?![A-Za-z0-9.\\-])",
        Matcher.quoteReplacement(replacement));
  }

  /** A JSON Bundle without what differs between any two answers (its id, time stamp and paging ids). */
  static String normalised(String body) {
    if (!body.trim().startsWith("{")) {
      return body;
    }
    try {
      JsonNode tree = JSON.readTree(body);
      if (tree instanceof ObjectNode object && "Bundle".equals(object.path("resourceType").asText())) {
        object.remove("id");
        object.remove("meta");
        return SEARCH_ID.matcher(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(object))
            .replaceAll("_getpages=*");
      }
      return body;
    } catch (IOException e) {
      return body;
    }
  }

  /** Query values as a FHIR client sends them. */
  static String query(String... pairs) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    List<String> parts = new ArrayList<>();
    values.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join("&", parts);
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Logger root() {
    return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
  }
}
