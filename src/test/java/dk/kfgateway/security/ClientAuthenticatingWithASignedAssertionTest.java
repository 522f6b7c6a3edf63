package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dk.kfgateway.support.GatewayIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A backend system registered with its public key, not a secret, gets a token as SMART backend services do: a
 * client-credentials request carrying a JWT assertion it signed RS384 ({@code private_key_jwt}).
 */
class ClientAuthenticatingWithASignedAssertionTest extends GatewayIntegrationTest {

  static final String CLIENT = "holbaek-case-system-with-key";
  static final RSAKey KEY = generate();

  @DynamicPropertySource
  static void registerTheClientsPublicKey(DynamicPropertyRegistry registry) throws IOException {
    Path keySet = Files.createTempFile("client-jwks", ".json");
    Files.writeString(keySet, new JWKSet(KEY.toPublicJWK()).toString());
    keySet.toFile().deleteOnExit();
    registry.add("gateway.security.clients." + CLIENT + ".jwk-set", keySet::toString);
    registry.add("gateway.security.clients." + CLIENT + ".role", () -> "MUNICIPALITY");
    registry.add("gateway.security.clients." + CLIENT + ".organization", () -> "Organization/municipality-holbaek");
  }

  @Test
  void a_signed_assertion_gets_a_token_that_works_on_the_fhir_api() throws Exception {
    HttpResponse<String> response = requestToken(assertion(KEY, tokenEndpoint()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String token = new ObjectMapper().readTree(response.body()).get("access_token").asText();
    assertThat(sendWithToken(token, "GET", "/Task?_count=1", null).statusCode()).isEqualTo(200);
  }

  @Test
  void an_assertion_signed_with_another_key_is_refused() throws Exception {
    HttpResponse<String> response = requestToken(assertion(generate(), tokenEndpoint()));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("invalid_client");
  }

  @Test
  void an_assertion_meant_for_another_token_endpoint_is_refused() throws Exception {
    HttpResponse<String> response = requestToken(assertion(KEY, "https://issuer.example.net/oauth2/token"));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  private String tokenEndpoint() {
    return "http://127.0.0.1:" + port + "/oauth2/token";
  }

  private HttpResponse<String> requestToken(String assertion) throws Exception {
    String form = "grant_type=client_credentials&client_id=" + CLIENT
        + "&client_assertion_type=" + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            StandardCharsets.UTF_8)
        + "&client_assertion=" + assertion;
    HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String assertion(RSAKey key, String audience) throws JOSEException {
    Instant now = Instant.now();
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(CLIENT).subject(CLIENT).audience(audience)
        .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(240)))
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
