package dk.kfgateway.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SEC-009 as a rule: exact URLs and prefixes registered per client; a registration that is no URL stops the start. */
class RegisteredEndpointRuleTest {

  private final RegisteredEndpointRule rule = new RegisteredEndpointRule(Map.of(
      "ehr", List.of("https://ehr.example/notify"),
      "municipality", List.of("https://sag.example/kf/*")));

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
    "ehr, https://ehr.example/notify, true",
    "ehr, https://ehr.example/notify/x, false",
    "ehr, https://ehr.example/notify?x=1, false",
    "ehr, http://127.0.0.1:5432, false",
    "ehr, https://sag.example/kf/tasks, false",
    "municipality, https://sag.example/kf/tasks, true",
    "municipality, https://sag.example/kf/, true",
    "municipality, https://sag.example/kf, false",
    "municipality, https://sag.example/kf/../admin, false",
    "municipality, https://sag.example/kf/%2e%2e/admin, false",
    "municipality, https://x@sag.example/kf/tasks, false",
    "municipality, https://sag.example/kf/tasks#x, false",
    "unregistered, https://sag.example/kf/tasks, false"
  })
  void anEndpointIsAllowedOnlyAsRegisteredForTheClient(String client, String endpoint, boolean allowed) {
    assertThat(rule.check(client, endpoint).isAllowed()).isEqualTo(allowed);
    if (!allowed) {
      assertThat(rule.check(client, endpoint).violations()).singleElement()
          .satisfies(v -> assertThat(v.location()).isEqualTo("Subscription.channel.endpoint"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ehr.example/notify", "ftp://ehr.example/notify", "https://ehr.example*",
      "https://ehr.example/*/x", "https://*", "https://user@ehr.example/notify"})
  void aRegistrationThatIsNoUrlOrPrefixStopsTheStart(String registered) {
    assertThatThrownBy(() -> new RegisteredEndpointRule(Map.of("ehr", List.of(registered))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("gateway.security.clients.ehr.endpoints");
  }
}
