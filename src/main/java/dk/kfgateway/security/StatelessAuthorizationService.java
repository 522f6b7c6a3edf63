package dk.kfgateway.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no record of issued tokens. Client-credentials tokens are self-contained JWTs checked by signature alone, and
 * Spring Authorization Server's in-memory default would keep every token of every polling client for the life of the
 * process. The price: token introspection and revocation answer "inactive"; tokens are short-lived instead.
 *
 * <p>The one thing kept is a person's authorization code (the console), from the sign-in until the browser exchanges
 * it or it expires (minutes): in memory, so the exchange must reach the node that signed the person in.
 */
class StatelessAuthorizationService implements OAuth2AuthorizationService {

  private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

  private final Map<String, OAuth2Authorization> pendingCodes = new ConcurrentHashMap<>();
  private final Clock clock;

  StatelessAuthorizationService(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void save(OAuth2Authorization authorization) {
    pendingCodes.values().removeIf(this::spent);
    if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(authorization.getAuthorizationGrantType())
        && !spent(authorization)) {
      pendingCodes.put(authorization.getId(), authorization);
    } else {
      pendingCodes.remove(authorization.getId());
    }
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    pendingCodes.remove(authorization.getId());
  }

  @Override
  public OAuth2Authorization findById(String id) {
    return pendingCodes.get(id);
  }

  @Override
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    if (tokenType != null && !CODE.equals(tokenType)) {
      return null;
    }
    return pendingCodes.values().stream()
        .filter(a -> a.getToken(OAuth2AuthorizationCode.class) != null
            && a.getToken(OAuth2AuthorizationCode.class).getToken().getTokenValue().equals(token))
        .findFirst().orElse(null);
  }

  /** A code already exchanged (invalidated), expired, or none at all. */
  private boolean spent(OAuth2Authorization authorization) {
    OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
    return code == null || code.isInvalidated() || code.getToken().getExpiresAt() == null
        || code.getToken().getExpiresAt().isBefore(clock.instant());
  }
}
