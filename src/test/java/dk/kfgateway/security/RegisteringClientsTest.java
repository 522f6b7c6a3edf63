package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.kfgateway.support.GatewayIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** Clients come from configuration only: the repository keeps a known client's re-encoded secret, and no other. */
class RegisteringClientsTest extends GatewayIntegrationTest {

  @Autowired RegisteredClientRepository clients;

  @Test
  void aClientUnknownToTheConfigurationIsNeverRegistered() {
    RegisteredClient stranger = RegisteredClient.withId(UUID.randomUUID().toString()).clientId("stranger")
        .clientSecret("{noop}secret").authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();

    assertThatThrownBy(() -> clients.save(stranger)).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("stranger is not registered").hasMessageContaining("gateway.security.clients");
    assertThat(clients.findByClientId("stranger")).isNull();
  }

  @Test
  void aKnownClientIsKeptWithItsReEncodedSecret() {
    RegisteredClient known = clients.findByClientId("holbaek-jobcenter");
    RegisteredClient reEncoded = RegisteredClient.from(known).clientSecret("{bcrypt}re-encoded").build();

    try {
      clients.save(reEncoded);

      assertThat(clients.findByClientId("holbaek-jobcenter").getClientSecret()).isEqualTo("{bcrypt}re-encoded");
    } finally {
      clients.save(known); // other tests of this context sign in as this client
    }
  }
}
