package dk.kfgateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.ReferralFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A refusal is the client's business, not an error of the gateway: the operator's log gets one INFO line per refused
 * request (method, path, status, rule), and no ERROR, no stack trace.
 */
class RefusalsInTheLogTest extends GatewayIntegrationTest {

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void captureTheLog() {
    log.start();
    root().addAppender(log);
  }

  @AfterEach
  void stopCapturing() {
    root().detachAppender(log);
    log.stop();
  }

  @Test
  void anAllowListRefusalIsOneInfoLine() {
    assertLoggedOnce(() -> sendAs("gp-nordvej", "POST", "/Task",
        "{\"resourceType\":\"Task\",\"status\":\"requested\",\"intent\":\"order\"}"), 403, "POST /fhir/Task", "SEC-008");
  }

  @Test
  void anUnknownIdIsOneInfoLine() {
    assertLoggedOnce(() -> sendAs("kf-sjaelland-ehr", "GET", "/Task/no-such-task", null), 404,
        "GET /fhir/Task/no-such-task", "ResourceNotFoundException");
  }

  @Test
  void aMoveAgainstTheStateMachineIsOneInfoLine() {
    Bundle stored = fhir.transaction().withBundle(ReferralFixture.referral("le275-certificate").bundle()).execute();
    String taskId = stored.getEntry().stream().map(e -> e.getResponse().getLocation())
        .filter(l -> l.startsWith("Task/")).findFirst().orElseThrow().split("/")[1];
    Task task = fhir.read().resource(Task.class).withId(taskId).execute();
    String completed = FHIR.newJsonParser().encodeResourceToString(task.setStatus(Task.TaskStatus.COMPLETED));

    assertLoggedOnce(() -> put("kf-sjaelland-ehr", "/Task/" + taskId, completed, task.getMeta().getVersionId()), 409,
        "PUT /fhir/Task/" + taskId, "WF-001");
  }

  @Test
  void aResourceBreakingItsProfileIsOneInfoLine() {
    assertLoggedOnce(() -> sendAs("holbaek-jobcenter", "POST", "/Consent",
        "{\"resourceType\":\"Consent\",\"status\":\"active\"}"), 422, "POST /fhir/Consent", "IG-001");
  }

  @Test
  void anXmlBodyIsOneInfoLine() {
    assertLoggedOnce(() -> {
      try {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/Patient"))
            .header("Authorization", "Bearer " + tokens.of("holbaek-jobcenter"))
            .header("Content-Type", "application/fhir+xml")
            .POST(HttpRequest.BodyPublishers.ofString("<Patient xmlns=\"http://hl7.org/fhir\"/>")).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, 415, "POST /fhir/Patient", "FHIR-415");
  }

  private void assertLoggedOnce(Supplier<HttpResponse<String>> request, int status, String what, String why) {
    tokens.of("gp-nordvej"); // tokens first, so that only the refused request is in the log
    tokens.of("kf-sjaelland-ehr");
    tokens.of("holbaek-jobcenter");
    log.list.clear();

    HttpResponse<String> response = request.get();

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    List<ILoggingEvent> served = log.list.stream().filter(e -> e.getThreadName().contains("-exec-")).toList();
    assertThat(served).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .as("no ERROR or WARN, no stack trace, while the refusal is served").isEmpty();
    assertThat(served).filteredOn(e -> e.getLoggerName().equals(RefusalLog.class.getName()))
        .extracting(ILoggingEvent::getFormattedMessage)
        .singleElement().asString()
        .startsWith("Refused " + what + ": " + status + " " + why);
    assertThat(served).filteredOn(e -> e.getLoggerName().equals(RefusalLog.class.getName()))
        .allMatch(e -> e.getLevel() == Level.INFO && e.getThrowableProxy() == null);
  }

  private HttpResponse<String> put(String client, String path, String body, String version) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
          .header("Authorization", "Bearer " + tokens.of(client)).header("Content-Type", "application/fhir+json")
          .header("If-Match", "W/\"" + version + "\"").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Logger root() {
    return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
  }
}
