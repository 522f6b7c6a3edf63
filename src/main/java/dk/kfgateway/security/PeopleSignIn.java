package dk.kfgateway.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * How a person signs in to the console at the embedded authorisation server: the authorisation endpoint sends a
 * browser without a session to the sign-in form ({@value #PAGE}, served by the console), the form checks the person's
 * password ({@link ConsolePeople}), and the endpoint then returns the browser to the console with a code, which the
 * console exchanges for the person's token (PKCE, no client secret). Only this sign-in keeps a session (a cookie of
 * the authorisation server's paths), so that the person is not asked again within it; the API stays stateless.
 * Guessing passwords is throttled ({@link SignInThrottle}).
 */
public final class PeopleSignIn {

  /** The sign-in form (GET) and where it is posted (POST, with its CSRF token). */
  public static final String PAGE = "/console/sign-in";
  /** Ends the sign-in session (the console drops its token first). */
  public static final String SIGN_OUT = "/console/sign-out";
  /** Where the console lives; after signing out the browser goes back there. */
  public static final String CONSOLE = "/console/";

  private PeopleSignIn() {}

  static void configure(HttpSecurity http, ConsolePeople people, String authorizationEndpoint,
      SignInThrottle throttle) throws Exception {
    http.userDetailsService(people.signIn())
        .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
        .formLogin(form -> form.loginPage(PAGE).loginProcessingUrl(PAGE).defaultSuccessUrl(CONSOLE)
            .failureHandler(throttle).permitAll())
        .logout(logout -> logout.logoutRequestMatcher(antMatcher(SIGN_OUT)).logoutSuccessUrl(CONSOLE))
        .requestCache(cache -> cache.requestCache(authorizationRequests(authorizationEndpoint)))
        .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
            new LoginUrlAuthenticationEntryPoint(PAGE), antMatcher(authorizationEndpoint)));
  }

  /**
   * Only a person's authorisation request is kept in the session, to return to after the form: a client system's
   * refused token request creates no session.
   */
  private static HttpSessionRequestCache authorizationRequests(String authorizationEndpoint) {
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    cache.setRequestMatcher(antMatcher(HttpMethod.GET, authorizationEndpoint));
    return cache;
  }
}
