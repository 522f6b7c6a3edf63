package dk.kfgateway.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.Pdfs;
import dk.kfgateway.support.ReferralFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
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
  /** Karen's CPR number (demo-data.json). */
  static final String KAREN_CPR = "0101304123";

  private static final Map<String, Object> SHARED = new HashMap<>();

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

  /** What the gateway logged while serving requests (its request threads) since the test began. */
  protected List<ILoggingEvent> loggedWhileServing() {
    List<ILoggingEvent> all;
    synchronized (log) { // the appender appends under its own lock
      all = List.copyOf(log.list);
    }
    return all.stream().filter(e -> e.getThreadName().contains("-exec-")).toList();
  }

  /** Forgets what was logged so far (e.g. while a scenario set itself up). */
  protected void forgetTheLog() {
    synchronized (log) {
      log.list.clear();
    }
  }

  @AfterEach
  void noErrorInTheLog() {
    root().detachAppender(log);
    log.stop();
    List<String> errors = loggedWhileServing().stream()
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
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + Answers.encoded(path)))
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
      throw new UncheckedIOException(e);
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
    List<String> headers = attempt.headers().stream().map(h -> Answers.replaced(h, token, replacement)).toList();
    return attempt(attempt.client(), attempt.method(), Answers.replaced(attempt.path(), token, replacement),
        attempt.sent() == null ? null : Answers.replaced(attempt.sent(), token, replacement),
        headers.toArray(String[]::new));
  }

  protected static String json(Resource resource) {
    return Answers.json(resource);
  }

  protected static String reading(Bundle.BundleType type, String... urls) {
    return Answers.reading(type, urls);
  }

  protected static String writing(Bundle.BundleType type, Bundle.HTTPVerb method, String url, Resource resource,
      String ifNoneExist) {
    return Answers.writing(type, method, url, resource, ifNoneExist);
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
    Consent withdrawn = readAs(municipality, Consent.class, consent)
        .setStatus(Consent.ConsentState.INACTIVE);
    Attempt put = attempt(municipality, "PUT", "/" + consent, json(withdrawn));
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
  }

  /** A consent of the citizen as this municipality registers it, naming itself and this clinic (specific wording). */
  protected static Consent consentFor(Party municipality, Party clinic, String patient) {
    Consent consent =
        ReferralFixture.referral(Referrals.SERVICE).consent().copy();
    consent.setPatient(new Reference(patient));
    consent.setSource(new Attachment().setContentType("application/pdf")
        .setTitle("Samtykkeerklæring").setData(Pdfs.withPages(1)));
    consent.setOrganization(List.of(new Reference(municipality.organization)));
    consent.getProvision().getActor().get(0).setReference(new Reference(municipality.organization));
    consent.getProvision().getActor().get(1).setReference(new Reference(clinic.organization));
    return consent;
  }

  /** The party reads the task, changes it and PUTs it back with If-Match on the version it read. */
  protected Attempt moveTask(Party party, String task, Consumer<Task> change) {
    return update(party, Task.class, task, change);
  }

  /** The party reads a resource, changes it and PUTs it back with If-Match on the version it read. */
  protected <T extends Resource> Attempt update(Party party, Class<T> type, String reference, Consumer<T> change) {
    T current = readAs(party, type, reference);
    change.accept(current);
    return attempt(party, "PUT", "/" + reference, json(current), "If-Match",
        "W/\"" + current.getMeta().getVersionId() + "\"");
  }

  /** The clinic receives the task and accepts it for examination. */
  protected void receiveAndAccept(Party clinic, String task) {
    Attempt received = moveTask(clinic, task, t -> t.setStatus(Task.TaskStatus.RECEIVED));
    assertThat(received.status()).as(received.toString()).isEqualTo(200);
    Attempt accepted = moveTask(clinic, task, t -> t.setStatus(Task.TaskStatus.ACCEPTED)
        .setBusinessStatus(new CodeableConcept(new Coding(
            "http://kf-gateway.dk/fhir/CodeSystem/kf-triage-outcomes", "examination", null))));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
  }

  /** Set up once per test class and server, however many tests use it. */
  protected <T> T shared(String name, Supplier<T> setup) {
    return once(getClass().getName() + "#" + name + "@" + port, setup);
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

  private <T> T sharedAcrossScenarios(String name, Supplier<T> setup) {
    return once(AttackScenario.class.getName() + "#" + name + "@" + port, setup);
  }

  @SuppressWarnings("unchecked")
  private static <T> T once(String key, Supplier<T> setup) {
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
    assertThat(Answers.normalised(attempt.text()))
        .as("the answer for %s %s, compared with the answer for an unknown id", attempt.method(), attempt.path())
        .isEqualTo(Answers.normalised(Answers.replaced(unknown.text(), unknownToken, hiddenToken)));
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
    String shown = Answers.withoutLinks(attempt.text());
    for (String resource : resources) {
      assertThat(Answers.names(shown, CaseFile.idPart(resource)))
          .as("the answer to %s %s names %s: %s", attempt.method(), attempt.path(), resource, shown).isFalse();
    }
  }

  static String ruleOf(Attempt attempt) {
    return Answers.ruleOf(attempt.text());
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
