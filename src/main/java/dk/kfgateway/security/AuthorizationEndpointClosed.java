package dk.kfgateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The embedded authorisation server serves client systems only (client credentials at the token endpoint), so its
 * authorisation endpoint, meant for people logging in through a browser, is closed: every request to it is answered
 * 400 {@code unsupported_response_type} (RFC 6749 §4.1.2.1), before Spring Authorization Server looks at it (which
 * answered a registered client id with 500, since no client has a redirect URI).
 */
final class AuthorizationEndpointClosed extends OncePerRequestFilter {

  private final String authorizationEndpoint;
  private final String tokenEndpoint;

  AuthorizationEndpointClosed(String authorizationEndpoint, String tokenEndpoint) {
    this.authorizationEndpoint = authorizationEndpoint;
    this.tokenEndpoint = tokenEndpoint;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !authorizationEndpoint.equals(request.getRequestURI().substring(request.getContextPath().length()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    OAuthErrorResponse.write(response, HttpServletResponse.SC_BAD_REQUEST, "unsupported_response_type",
        "The gateway issues tokens to client systems only, with the client-credentials grant at " + tokenEndpoint
            + "; it has no authorization endpoint");
  }
}
