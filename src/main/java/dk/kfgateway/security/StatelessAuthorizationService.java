package dk.kfgateway.security;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no record of issued tokens. Client-credentials tokens are self-contained JWTs checked by signature alone, and
 * Spring Authorization Server's in-memory default would keep every token of every polling client for the life of the
 * process. The price: token introspection and revocation answer "inactive"; tokens are short-lived instead.
 */
class StatelessAuthorizationService implements OAuth2AuthorizationService {

  @Override
  public void save(OAuth2Authorization authorization) {}

  @Override
  public void remove(OAuth2Authorization authorization) {}

  @Override
  public OAuth2Authorization findById(String id) {
    return null;
  }

  @Override
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    return null;
  }
}
