package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kfgateway.support.GatewayIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Guessing secrets at the token endpoint is slowed down: after a few failed authentications of one client, or from
 * one address, within the window, every attempt for it (a correct one too) is answered 429 with Retry-After and an
 * OAuth error until the window has passed; other clients go on, and successes never count. A context of its own,
 * with small limits and a short window (the other tests share 127.0.0.1).
 */
class ClientGuessingItsSecretTest extends GatewayIntegrationTest {

  private static final int PER_CLIENT = 3;
  private static final int PER_ADDRESS = 6;
  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void smallLimits(DynamicPropertyRegistry registry) {
    registry.add("gateway.security.authorization-server.lockout.max-failures-per-client", () -> PER_CLIENT);
    registry.add("gateway.security.authorization-server.lockout.max-failures-per-address", () -> PER_ADDRESS);
    registry.add("gateway.security.authorization-server.lockout.window", () -> "4s");
  }

  private int lockedForSeconds;

  @AfterEach
  void waitOutTheLockOut() throws InterruptedException {
    Thread.sleep(lockedForSeconds * 1000L + 500);
  }

  @Test
  void aClientGuessingItsSecretIsLockedOutForAWhileAndOthersAreNot() throws Exception {
    for (int i = 0; i < PER_CLIENT; i++) {
      assertThat(tokens.exchange("roskilde-jobcenter", "guess-" + i, null).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> locked = tokens.exchange("roskilde-jobcenter", "roskilde-jobcenter-demo-secret", null);
    HttpResponse<String> other = tokens.exchange("kalundborg-jobcenter", "kalundborg-jobcenter-demo-secret", null);

    assertLockedOut(locked);
    assertThat(other.statusCode()).as("another client").isEqualTo(200);
    Thread.sleep(lockedForSeconds * 1000L + 500);
    assertThat(tokens.exchange("roskilde-jobcenter", "roskilde-jobcenter-demo-secret", null).statusCode())
        .as("after the window").isEqualTo(200);
    lockedForSeconds = 0;
  }

  @Test
  void oneAddressTryingManyClientsIsLockedOut() throws Exception {
    for (int i = 0; i < PER_ADDRESS; i++) {
      assertThat(tokens.exchange("made-up-client-" + i, "guess", null).statusCode()).isEqualTo(401);
    }

    assertLockedOut(tokens.exchange("kalundborg-jobcenter", "kalundborg-jobcenter-demo-secret", null));
  }

  @Test
  void successesDoNotCount() {
    for (int i = 0; i < PER_CLIENT + PER_ADDRESS; i++) {
      assertThat(tokens.exchange("kalundborg-jobcenter", "kalundborg-jobcenter-demo-secret", null).statusCode())
          .isEqualTo(200);
    }
  }

  private void assertLockedOut(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
    lockedForSeconds = Integer.parseInt(response.headers().firstValue("Retry-After").orElseThrow());
    assertThat(lockedForSeconds).isBetween(1, 4);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("error").asText()).isEqualTo("temporarily_unavailable");
    assertThat(body.get("error_description").asText()).contains("Too many failed client authentications");
  }
}
