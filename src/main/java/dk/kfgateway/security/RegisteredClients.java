package dk.kfgateway.security;

import dk.kfgateway.GatewayProperties;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The client systems of {@code gateway.security.clients} as the embedded authorisation server sees them, and the
 * console ({@code gateway.console}, the one client of people). Client systems: client credentials only, authenticated by secret (HTTP Basic or form post) or by an RS384-signed assertion
 * ({@code private_key_jwt}, {@link ClientKeys}), self-contained JWTs of the configured lifetime. Registration is
 * configuration: {@link #save} only takes a known client back.
 */
class RegisteredClients implements RegisteredClientRepository {

  private final Map<String, RegisteredClient> byClientId = new ConcurrentHashMap<>();

  RegisteredClients(GatewayProperties.Security security, GatewayProperties.Console console) {
    TokenSettings tokens =
        TokenSettings.builder()
            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
            .accessTokenTimeToLive(security.authorizationServer().tokenLifetime())
            .build();
    security
        .clients()
        .forEach((id, client) -> byClientId.put(id, register(id, client, scopesOf(security, client), tokens)));
    if (console.enabled()) {
      byClientId.put(console.clientId(), console(console, tokens));
    }
  }

  /**
   * The console: a public client (a browser app keeps no secret) of people signing in, authorization code with PKCE
   * only, back only to its registered addresses; no consent screen (the console is the gateway's own app). The
   * token's scopes are those of the person's role ({@link PersonClaims}), so it registers none itself.
   */
  private static RegisteredClient console(GatewayProperties.Console console, TokenSettings tokens) {
    return RegisteredClient.withId(console.clientId()).clientId(console.clientId())
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUris(uris -> uris.addAll(console.redirectUris()))
        .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
        .tokenSettings(tokens)
        .build();
  }

  /** Whether people sign in through this client at the authorisation endpoint (the console). */
  boolean signsPeopleIn(String clientId) {
    RegisteredClient client = clientId == null ? null : byClientId.get(clientId);
    return client != null && client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE);
  }

  /** The scopes a client may ask for: its own list, else those of its role. */
  static List<String> scopesOf(GatewayProperties.Security security, GatewayProperties.Security.Client client) {
    return client.scopes().isEmpty() ? security.roleScopes().getOrDefault(client.role(), List.of()) : client.scopes();
  }

  /** Every scope some client may ask for (discovery's {@code scopes_supported}). */
  static Set<String> allScopes(GatewayProperties.Security security) {
    Set<String> all = new TreeSet<>();
    security.roleScopes().values().forEach(all::addAll);
    security.clients().values().forEach(c -> all.addAll(c.scopes()));
    return all;
  }

  private static RegisteredClient register(
      String id, GatewayProperties.Security.Client client, List<String> scopes, TokenSettings tokens) {
    boolean secret = client.secret() != null && !client.secret().isBlank();
    boolean keys = client.jwkSet() != null && !client.jwkSet().isBlank();
    if (!secret && !keys) {
      throw new IllegalStateException("Client " + id + " needs a secret or a jwk-set (gateway.security.clients)");
    }
    RegisteredClient.Builder builder = RegisteredClient.withId(id).clientId(id);
    if (secret) {
      builder.clientSecret(client.secret())
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
    }
    if (keys) {
      builder.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
          .clientSettings(ClientSettings.builder().tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS384)
              .build());
    }
    return builder
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scopes(s -> s.addAll(scopes))
        .tokenSettings(tokens)
        .build();
  }

  /**
   * Only for Spring's re-encoding of a known client's secret (a {@code {noop}} one becomes bcrypt on first use). A
   * client is never registered at run time (no dynamic client registration): deny by default.
   */
  @Override
  public void save(RegisteredClient registeredClient) {
    if (!byClientId.containsKey(registeredClient.getClientId())) {
      throw new UnsupportedOperationException("Client " + registeredClient.getClientId() + " is not registered: clients"
          + " are registered in configuration only (gateway.security.clients.<client-id>), never at run time");
    }
    byClientId.put(registeredClient.getClientId(), registeredClient);
  }

  @Override
  public RegisteredClient findById(String id) {
    return byClientId.get(id);
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    return byClientId.get(clientId);
  }
}
