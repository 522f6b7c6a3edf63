package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.kfgateway.GatewayProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the embedded authorisation server off, the gateway needs to be told whose keys to trust. */
class ExternalIssuerTest {

  @Test
  void withoutAKeySetOrIssuerTheGatewayDoesNotStart() {
    assertThatThrownBy(() -> GatewayJwtDecoder.create(security(null, null), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("gateway.security.jwk-set-uri")
        .hasMessageContaining("gateway.security.issuer-uri");
  }

  @Test
  void aKeySetUriIsEnoughAndIsOnlyFetchedWhenATokenArrives() {
    assertThat(GatewayJwtDecoder.create(security("https://idp.regionsjaelland.example/jwks", null), null)).isNotNull();
  }

  private static GatewayProperties.Security security(String jwkSetUri, String issuerUri) {
    return new GatewayProperties.Security(
        "kf-gateway",
        issuerUri,
        jwkSetUri,
        null,
        Duration.ofSeconds(60),
        List.of(),
        new GatewayProperties.Security.AuthorizationServer(false, Duration.ofMinutes(5), null,
            new GatewayProperties.Security.AuthorizationServer.Lockout(5, 20, Duration.ofMinutes(1))),
        Map.of(),
        Map.of(),
        org.springframework.util.unit.DataSize.ofMegabytes(64),
        List.of());
  }
}
