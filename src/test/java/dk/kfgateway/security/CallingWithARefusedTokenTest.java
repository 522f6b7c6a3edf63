package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dk.kfgateway.support.GatewayIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Tokens with exactly one thing wrong are refused with 401, the challenge and an OperationOutcome saying what. */
class CallingWithARefusedTokenTest extends GatewayIntegrationTest {

  @Autowired JWKSource<SecurityContext> gatewayKeys;
  SignedTokens signed;

  @BeforeEach
  void keys() {
    signed = new SignedTokens(gatewayKeys);
  }

  @Test
  void aTokenSignedByTheGatewayWithNothingWrongIsAccepted() {
    assertThat(read(signed.signedByTheGateway(claims -> claims)).statusCode()).isEqualTo(200);
  }

  @Test
  void anExpiredTokenIsRefused() {
    Instant anHourAgo = Instant.now().minusSeconds(3600);
    String token =
        signed.signedByTheGateway(c -> c.issuedAt(anHourAgo).expiresAt(anHourAgo.plusSeconds(300)));

    assertRefused(read(token), "Jwt expired at");
  }

  @Test
  void aTokenWithoutExpiryIsRefused() {
    String token = signed.signedByTheGateway(c -> c.claims(claims -> claims.remove("exp")));

    assertRefused(read(token), "exp");
  }

  @Test
  void aTokenSignedByAnotherKeyIsRefused() {
    assertRefused(read(signed.signedByAStranger()), "Invalid signature");
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    String token = signed.signedByTheGateway(c -> c.audience(List.of("some-other-api")));

    assertRefused(read(token), "does not include kf-gateway");
  }

  @Test
  void somethingThatIsNoJwtIsRefused() {
    assertRefused(read("not-a-jwt"), "Malformed token");
  }

  private HttpResponse<String> read(String token) {
    return sendWithToken(token, "GET", "/Task/task-1", null);
  }

  private static void assertRefused(HttpResponse<String> response, String reason) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer").contains("error=\"invalid_token\""));
    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getDiagnostics())
        .startsWith("[SEC-001] The bearer token was refused")
        .contains(reason);
  }
}
