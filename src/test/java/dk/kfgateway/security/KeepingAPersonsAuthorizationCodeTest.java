package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The authorisation server keeps nothing of the client systems' tokens, and a person's authorization code only from
 * the sign-in until the console exchanges it, or until it expires: a code is good once.
 */
class KeepingAPersonsAuthorizationCodeTest {

  private static final Instant NOW = Instant.parse("2026-12-23T10:00:00Z");
  private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);
  private static final RegisteredClient CONSOLE = RegisteredClient.withId("kf-console").clientId("kf-console")
      .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
      .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri("http://127.0.0.1/console/")
      .build();

  private final StatelessAuthorizationService service =
      new StatelessAuthorizationService(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aCodeIsFoundUntilItIsExchanged() {
    OAuth2Authorization signedIn = withCode("abc", NOW.plus(5, ChronoUnit.MINUTES)).build();
    service.save(signedIn);
    assertThat(service.findByToken("abc", CODE)).isSameAs(signedIn);
    assertThat(service.findById(signedIn.getId())).isSameAs(signedIn);

    service.save(OAuth2Authorization.from(signedIn).invalidate(signedIn.getToken(OAuth2AuthorizationCode.class)
        .getToken()).build());

    assertThat(service.findByToken("abc", CODE)).isNull();
    assertThat(service.findById(signedIn.getId())).isNull();
  }

  @Test
  void anExpiredCodeIsNotKept() {
    service.save(withCode("old", NOW.minusSeconds(1)).build());

    assertThat(service.findByToken("old", CODE)).isNull();
  }

  @Test
  void clientCredentialsAreNeverKept() {
    OAuth2Authorization system = OAuth2Authorization.withRegisteredClient(CONSOLE).id("cc").principalName("x")
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).authorizedScopes(Set.of()).build();
    service.save(system);

    assertThat(service.findById("cc")).isNull();
  }

  private static OAuth2Authorization.Builder withCode(String code, Instant expires) {
    return OAuth2Authorization.withRegisteredClient(CONSOLE).id("id-" + code).principalName("hanne")
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .token(new OAuth2AuthorizationCode(code, expires.minusSeconds(300), expires));
  }
}
