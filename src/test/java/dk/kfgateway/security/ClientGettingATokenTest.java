package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kfgateway.support.GatewayIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A client system gets a token at the embedded token endpoint, as README's curl does; it says who the client is. */
class ClientGettingATokenTest extends GatewayIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JwtDecoder decoder;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "holbaek-jobcenter, MUNICIPALITY, Organization/municipality-holbaek, PractitionerRole/caseworker-holbaek, system/Task.crus",
    "kalundborg-jobcenter, MUNICIPALITY, Organization/municipality-kalundborg, , system/Task.crus",
    "roskilde-jobcenter, MUNICIPALITY, Organization/municipality-roskilde, , system/Consent.crus",
    "kf-sjaelland-ehr, CLINIC, Organization/kf-region-sjaelland, , system/Task.rus",
    "kf-sjaelland-secretariat, SECRETARIAT, Organization/kf-region-sjaelland, PractitionerRole/secretary-kf, system/Task.rus",
    "gp-nordvej, GP, Organization/gp-clinic-nordvej, , system/Communication.rs",
    "gp-strandvej, GP, Organization/gp-clinic-strandvej, , system/DocumentReference.rs",
    "gateway-admin, ADMINISTRATOR, Organization/kf-gateway-operations, , system/AuditEvent.rs"
  })
  void eachDemoClientGetsATokenNamingItsRoleAndOrganisation(
      String clientId, String role, String organization, String practitionerRole, String oneOfItsScopes)
      throws Exception {
    HttpResponse<String> response = tokens.exchange(clientId, clientId + "-demo-secret", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isBetween(290L, 300L);
    Jwt token = decoder.decode(body.get("access_token").asText());
    assertThat(token.getSubject()).isEqualTo(clientId);
    assertThat(token.getAudience()).containsExactly("kf-gateway");
    assertThat(token.getClaimAsString(TokenClaims.ROLE)).isEqualTo(role);
    assertThat(token.getClaimAsString(TokenClaims.ORGANIZATION)).isEqualTo(organization);
    assertThat(token.getClaimAsString(TokenClaims.PRACTITIONER_ROLE)).isEqualTo(practitionerRole);
    assertThat(token.getClaimAsStringList(TokenClaims.SCOPE)).contains(oneOfItsScopes);
    assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aClientAskingForSomeOfItsScopesGetsExactlyThose() throws Exception {
    HttpResponse<String> response =
        tokens.exchange("gp-nordvej", "gp-nordvej-demo-secret", "system/Communication.rs system/Patient.rs");

    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("scope").asText().split(" "))
        .containsExactlyInAnyOrder("system/Communication.rs", "system/Patient.rs");
    assertThat(decoder.decode(body.get("access_token").asText()).getClaimAsStringList(TokenClaims.SCOPE))
        .containsExactlyInAnyOrder("system/Communication.rs", "system/Patient.rs");
  }

  @Test
  void aScopeTheClientIsNotRegisteredForIsRefused() throws Exception {
    HttpResponse<String> response = tokens.exchange("gp-nordvej", "gp-nordvej-demo-secret", "system/Task.cruds");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("invalid_scope");
  }

  @Test
  void aWrongSecretIsRefused() throws Exception {
    HttpResponse<String> response = tokens.exchange("gp-nordvej", "guessed", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void theSecretMayAlsoComeInTheForm() throws Exception {
    String form = "grant_type=client_credentials&client_id=gp-strandvej&client_secret=gp-strandvej-demo-secret";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(root() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void theAuthorisationServerPublishesItsMetadataAndKeysWithoutAToken() throws Exception {
    Map<?, ?> metadata = get("/.well-known/oauth-authorization-server");
    Map<?, ?> keys = get("/oauth2/jwks");

    assertThat(metadata.get("token_endpoint")).isEqualTo(root() + "/oauth2/token");
    assertThat((Iterable<?>) keys.get("keys")).hasSize(1);
  }

  private Map<?, ?> get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(URI.create(root() + path)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readValue(response.body(), Map.class);
  }

  private String root() {
    return "http://127.0.0.1:" + port;
  }
}
