package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kfgateway.support.GatewayIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedded authorisation server serves client systems with client credentials only; its authorisation endpoint
 * (a browser log-in) answers every request 400 with a small OAuth error, never a 500 or a stack trace, whichever
 * client id it names.
 */
class BrowsingToTheAuthorizationEndpointTest extends GatewayIntegrationTest {

  @ParameterizedTest(name = "client_id={0}")
  @ValueSource(strings = {"x", "holbaek-jobcenter", "kf-sjaelland-ehr"})
  void anAuthorizationRequestIsRefusedAsUnsupported(String clientId) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/oauth2/authorize?response_type=code&client_id=" + clientId
            + "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&scope=openid&state=abc")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode body = new ObjectMapper().readTree(response.body());
    assertThat(body.get("error").asText()).isEqualTo("unsupported_response_type");
    assertThat(body.get("error_description").asText()).contains("client-credentials");
    assertThat(response.body()).doesNotContain("Exception", "\tat ");
  }
}
