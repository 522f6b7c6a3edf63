package dk.kfgateway.security;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down guessing of client secrets at the endpoints where a client authenticates (token, introspection,
 * revocation): after too many failed authentications (answered 401) for one registered client id, or from one remote
 * address, within the window, every further attempt for that client or from that address, a correct one too, is
 * answered 429 with {@code Retry-After} and an OAuth error, until the lock-out has passed. Successes do not count.
 * Client ids that are not registered are counted by address only, so that made-up ids cannot fill memory.
 */
final class ClientAuthenticationThrottle extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(ClientAuthenticationThrottle.class);

  private final Set<String> endpoints;
  private final Predicate<String> registered;
  private final FailedAuthentications byClient;
  private final FailedAuthentications byAddress;

  /**
   * @param endpoints the paths where clients authenticate
   * @param registered whether a client id is registered
   */
  ClientAuthenticationThrottle(Set<String> endpoints, Predicate<String> registered, FailedAuthentications byClient,
      FailedAuthentications byAddress) {
    this.endpoints = Set.copyOf(endpoints);
    this.registered = registered;
    this.byClient = byClient;
    this.byAddress = byAddress;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !endpoints.contains(request.getRequestURI().substring(request.getContextPath().length()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> client = clientId(request).filter(registered);
    String address = request.getRemoteAddr();
    Optional<Duration> locked = client.flatMap(byClient::lockedOutFor).or(() -> byAddress.lockedOutFor(address));
    if (locked.isPresent()) {
      long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
      response.setHeader("Retry-After", Long.toString(seconds));
      OAuthErrorResponse.write(response, 429, "temporarily_unavailable", "Too many failed client authentications"
          + " for this client or from this address; try again in " + seconds + " s");
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      boolean clientLocked = client.map(byClient::failed).orElse(false);
      boolean addressLocked = byAddress.failed(address);
      if (clientLocked || addressLocked) {
        log.warn("Client authentication locked out after repeated failures: {}",
            clientLocked ? "client " + client.get() : "address " + address);
      }
    }
  }

  /** The client id the request claims: HTTP Basic, the form's client_id, or the subject of a client assertion. */
  static Optional<String> clientId(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        return colon > 0 ? Optional.of(URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8))
            : Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    String clientId = request.getParameter("client_id");
    if (clientId != null && !clientId.isBlank()) {
      return Optional.of(clientId);
    }
    String assertion = request.getParameter("client_assertion");
    if (assertion != null) {
      try {
        return Optional.ofNullable(JWTParser.parse(assertion).getJWTClaimsSet().getSubject());
      } catch (ParseException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
