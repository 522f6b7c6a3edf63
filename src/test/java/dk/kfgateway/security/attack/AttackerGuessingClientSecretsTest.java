package dk.kfgateway.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue item 13, the token endpoint: it had no throttling, so a client's secret could be guessed at full speed.
 * After a few failed authentications of a client within the window, every further attempt for it, the right secret
 * too, gets 429 with Retry-After; other clients go on. A client of its own, in a context of its own (the lock-out
 * would otherwise hold up the other scenarios' clients), closed after the class.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AttackerGuessingClientSecretsTest extends AttackScenario {

  private static final String GUESSED = "attack-guessed-client";
  private static final String SECRET = "attack-guessed-client-secret";

  @DynamicPropertySource
  static void aClientToGuess(DynamicPropertyRegistry registry) {
    registry.add("gateway.security.clients." + GUESSED + ".secret", () -> "{noop}" + SECRET);
    registry.add("gateway.security.clients." + GUESSED + ".role", () -> "GP");
    registry.add("gateway.security.clients." + GUESSED + ".organization", () -> Party.GP_STRANDVEJ.organization);
  }

  @Test
  void guessingAClientsSecretIsLockedOutWhileOtherClientsGoOn() {
    assertThat(tokens.exchange(GUESSED, SECRET, null).statusCode()).as("the right secret at first").isEqualTo(200);
    int refused = 0;
    HttpResponse<String> answer = null;
    for (int guess = 0; guess < 50; guess++) {
      answer = tokens.exchange(GUESSED, "guess-" + guess, null);
      if (answer.statusCode() != 401) {
        break;
      }
      refused++;
    }

    assertThat(answer.statusCode()).as("after %s wrong secrets: %s", refused, answer.body()).isEqualTo(429);
    assertThat(refused).as("wrong secrets tried before the lock-out").isLessThanOrEqualTo(10);
    assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    HttpResponse<String> right = tokens.exchange(GUESSED, SECRET, null);
    assertThat(right.statusCode()).as("the right secret while locked out").isEqualTo(429);
    assertThat(right.body()).contains("temporarily_unavailable").doesNotContain("access_token");
    assertThat(tokens.exchange(Party.GP_NORDVEJ.client, Party.GP_NORDVEJ.client + "-demo-secret", null).statusCode())
        .as("another client").isEqualTo(200);
  }
}
