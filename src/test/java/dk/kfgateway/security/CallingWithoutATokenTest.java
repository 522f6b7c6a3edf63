package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kfgateway.support.GatewayIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Nothing but the capability statement and SMART discovery answers a caller without a token. */
class CallingWithoutATokenTest extends GatewayIntegrationTest {

  private static final String PATIENT = "{\"resourceType\":\"Patient\"}";
  private static final String TRANSACTION =
      "{\"resourceType\":\"Bundle\",\"type\":\"transaction\","
          + "\"entry\":[{\"request\":{\"method\":\"GET\",\"url\":\"Task/task-1\"}}]}";

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "GET    | /Task/task-1                 | ",
        "GET    | /Task?status=requested       | ",
        "GET    | /Patient/_history            | ",
        "POST   | /Patient                     | patient",
        "PUT    | /Patient/p-unauthenticated   | patient",
        "DELETE | /Task/task-1                 | ",
        "POST   | /                            | transaction",
        "POST   | /Patient/$validate           | patient",
        "GET    | /Task/task-1/$meta           | ",
        "GET    | /CodeSystem/kf-services      | "
      })
  void aFhirRequestIsRefusedWith401AndAnOperationOutcome(String method, String path, String body) {
    HttpResponse<String> response = sendWithToken(null, method, path, body(body));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/fhir+json"));
    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.LOGIN);
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).startsWith("[SEC-001] A bearer token is required");
  }

  /** Outside the FHIR API only health (up or down, nothing more) answers without a token; Actuator's rest needs one. */
  @Test
  void nothingOutsideTheFhirApiAnswersEitherButHealth() throws Exception {
    for (String path : new String[] {"/actuator/metrics", "/actuator/env", "/actuator/beans", "/actuator"}) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(401);
    }
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("details", "components");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theCapabilityStatementAnswersAndAnnouncesSmartOnFhir() {
    HttpResponse<String> response = sendWithToken(null, "GET", "/metadata", null);

    assertThat(response.statusCode()).isEqualTo(200);
    CapabilityStatement statement = FHIR.newJsonParser().parseResource(CapabilityStatement.class, response.body());
    CapabilityStatement.CapabilityStatementRestSecurityComponent security = statement.getRestFirstRep().getSecurity();
    assertThat(security.getCors()).isFalse();
    assertThat(security.getServiceFirstRep().getCodingFirstRep().getCode()).isEqualTo("SMART-on-FHIR");
    assertThat(
            security
                .getExtensionByUrl(CapabilitySecurityInterceptor.OAUTH_URIS)
                .getExtensionByUrl("token")
                .getValue()
                .primitiveValue())
        .isEqualTo("http://127.0.0.1:" + port + "/oauth2/token");
  }

  @Test
  void smartDiscoveryAnswersWithTheTokenEndpointAndScopes() throws Exception {
    HttpResponse<String> response = sendWithToken(null, "GET", "/.well-known/smart-configuration", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode discovery = new ObjectMapper().readTree(response.body());
    assertThat(discovery.get("token_endpoint").asText()).isEqualTo("http://127.0.0.1:" + port + "/oauth2/token");
    assertThat(discovery.get("jwks_uri").asText()).isEqualTo("http://127.0.0.1:" + port + "/oauth2/jwks");
    assertThat(discovery.get("grant_types_supported"))
        .extracting(JsonNode::asText)
        .containsExactly("client_credentials");
    assertThat(discovery.get("token_endpoint_auth_methods_supported"))
        .extracting(JsonNode::asText)
        .containsExactly("private_key_jwt", "client_secret_basic", "client_secret_post");
    assertThat(discovery.get("capabilities"))
        .extracting(JsonNode::asText)
        .contains("client-confidential-symmetric", "permission-v2");
    assertThat(discovery.get("scopes_supported"))
        .extracting(JsonNode::asText)
        .contains("system/Task.crus", "system/Communication.rs", "system/*.cruds");
  }

  @Test
  void noCorsHeadersAreSentByDefault() {
    HttpResponse<String> response = sendWithToken(null, "GET", "/metadata", null);

    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private static String body(String name) {
    if (name == null) {
      return null;
    }
    return name.equals("transaction") ? TRANSACTION : PATIENT;
  }
}
