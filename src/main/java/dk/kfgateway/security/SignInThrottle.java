package dk.kfgateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guessing a person's password at the console's sign-in form is throttled like guessing a client's secret
 * ({@link ClientAuthenticationThrottle}, the same {@code lockout} settings): after so many failed sign-ins of one user
 * name, or from one remote address, every further attempt, also one with the right password, is answered 429 with
 * {@code Retry-After} until the window has passed. In memory, per node.
 */
final class SignInThrottle extends OncePerRequestFilter implements AuthenticationFailureHandler {

  private final String page;
  private final FailedAuthentications byPerson;
  private final FailedAuthentications byAddress;
  private final AuthenticationFailureHandler failed;

  SignInThrottle(String page, FailedAuthentications byPerson, FailedAuthentications byAddress) {
    this.page = page;
    this.byPerson = byPerson;
    this.byAddress = byAddress;
    this.failed = new SimpleUrlAuthenticationFailureHandler(page + "?error");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !page.equals(request.getRequestURI().substring(request.getContextPath().length()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Duration> locked = byPerson.lockedOutFor(person(request)).or(() -> byAddress.lockedOutFor(address(request)));
    if (locked.isPresent()) {
      response.setStatus(429);
      response.setHeader("Retry-After", String.valueOf(Math.max(1, locked.get().toSeconds())));
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write("Too many failed sign-ins: try again in " + Math.max(1, locked.get().toSeconds())
          + " s. / For mange mislykkede forsøg: prøv igen om " + Math.max(1, locked.get().toSeconds()) + " s.");
      return;
    }
    chain.doFilter(request, response);
  }

  /** A failed sign-in counts for the user name tried and for the address it came from. */
  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException, ServletException {
    byPerson.failed(person(request));
    byAddress.failed(address(request));
    failed.onAuthenticationFailure(request, response, exception);
  }

  private static String person(HttpServletRequest request) {
    String name = request.getParameter("username");
    return "person:" + (name == null ? "" : name.trim());
  }

  private static String address(HttpServletRequest request) {
    return "address:" + request.getRemoteAddr();
  }
}
