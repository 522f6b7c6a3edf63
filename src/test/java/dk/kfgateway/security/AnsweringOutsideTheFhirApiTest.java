package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad requests that never reach the FHIR API still get an OperationOutcome a caller can act on, never HTML or nothing. */
class AnsweringOutsideTheFhirApiTest extends GatewayIntegrationTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/fhir/Patient%2Fcitizen-1", "/fhir/Patient%5Ccitizen-1", "/fhir/%2e%2e%2F%2e%2e%2Fetc"})
  void tomcatRefusesAnEncodedSlashWithAnOperationOutcome(String path) {
    HttpResponse<String> response = call("GET", path, tokens.of("holbaek-jobcenter"));

    assertOutcome(response, 400, IssueType.INVALID, "encoded '/' or '\\'");
  }

  @Test
  void springsErrorPageAskedForDirectlyIsNothing() {
    assertOutcome(call("GET", "/error", null), 404, IssueType.NOTFOUND, "the FHIR API is at /fhir");
  }

  @Test
  void aPathNothingServesIsNotFound() {
    assertOutcome(call("GET", "/nothing-here", tokens.of("holbaek-jobcenter")), 404, IssueType.NOTFOUND,
        "Nothing is served at this address");
  }

  @Test
  void traceIsNotServed() {
    assertOutcome(call("TRACE", "/fhir/metadata", null), 405, IssueType.NOTSUPPORTED, "HTTP method is not served");
  }

  @Test
  void actuatorRefusesAnotherRolesTokenWithAnOperationOutcome() {
    assertOutcome(call("GET", "/actuator/metrics", tokens.of("holbaek-jobcenter")), 403, IssueType.FORBIDDEN,
        "may not use this address");
  }

  private HttpResponse<String> call(String method, String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return dk.kfgateway.support.Exchanges.send(http, request.build());
  }

  private static void assertOutcome(HttpResponse<String> response, int status, IssueType code, String says) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/fhir+json"));
    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(code);
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(says);
  }
}
