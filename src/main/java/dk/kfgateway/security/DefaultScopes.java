package dk.kfgateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;

/**
 * A client-credentials request without {@code scope} gets all the scopes the client is registered for (RFC 6749 §3.3
 * lets the server apply a default), instead of Spring Authorization Server's default of none, which would give a token
 * good for nothing. A request naming scopes still gets exactly those, or {@code invalid_scope}.
 */
class DefaultScopes implements AuthenticationConverter {

  private final OAuth2ClientCredentialsAuthenticationConverter delegate =
      new OAuth2ClientCredentialsAuthenticationConverter();

  @Override
  public Authentication convert(HttpServletRequest request) {
    Authentication converted = delegate.convert(request);
    if (converted instanceof OAuth2ClientCredentialsAuthenticationToken token
        && token.getScopes().isEmpty()
        && token.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
        && client.getRegisteredClient() != null) {
      return new OAuth2ClientCredentialsAuthenticationToken(
          client, client.getRegisteredClient().getScopes(), token.getAdditionalParameters());
    }
    return converted;
  }
}
