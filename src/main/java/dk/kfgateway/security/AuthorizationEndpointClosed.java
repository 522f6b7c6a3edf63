package dk.kfgateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Predicate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The embedded authorisation server serves client systems with client credentials at the token endpoint, and people
 * only through the console: its authorisation endpoint, meant for people signing in through a browser, is closed to
 * every other client id: such a request is answered 400 {@code unsupported_response_type} (RFC 6749 §4.1.2.1), before
 * Spring Authorization Server looks at it (which answered a registered client id with 500, since no client system has
 * a redirect URI).
 */
final class AuthorizationEndpointClosed extends OncePerRequestFilter {

  private final String authorizationEndpoint;
  private final String tokenEndpoint;
  private final Predicate<String> signsPeopleIn;

  AuthorizationEndpointClosed(String authorizationEndpoint, String tokenEndpoint, Predicate<String> signsPeopleIn) {
    this.authorizationEndpoint = authorizationEndpoint;
    this.tokenEndpoint = tokenEndpoint;
    this.signsPeopleIn = signsPeopleIn;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !authorizationEndpoint.equals(request.getRequestURI().substring(request.getContextPath().length()))
        || signsPeopleIn.test(request.getParameter("client_id"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    OAuthErrorResponse.write(response, HttpServletResponse.SC_BAD_REQUEST, "unsupported_response_type",
        "The gateway issues tokens to client systems only, with the client-credentials grant at " + tokenEndpoint
            + "; it has no authorization endpoint");
  }
}
