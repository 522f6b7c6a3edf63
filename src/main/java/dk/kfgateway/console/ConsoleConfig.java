package dk.kfgateway.console;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import dk.kfgateway.security.PeopleSignIn;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.http.HttpStatus;

/**
 * The console's own paths: the page, its scripts and styles and its sign-in configuration are open (they hold no
 * data); a role's views ({@code /console/pages/...}) need the person's bearer token; the sign-in form and sign-out
 * belong to the authorisation server's chain. Stateless: the console keeps its token in the browser tab.
 */
@Configuration
@ConditionalOnProperty(name = "gateway.console.enabled", havingValue = "true", matchIfMissing = true)
class ConsoleConfig {

  /** The browser may show a PDF the console made from a FHIR Binary (a blob: URL) and nothing from elsewhere. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
      + "connect-src 'self' blob:; frame-src 'self' blob:; object-src 'self' blob:; frame-ancestors 'self'; "
      + "form-action 'self'";

  @Bean
  @Order(0)
  SecurityFilterChain consoleFilterChain(HttpSecurity http, JwtDecoder decoder) throws Exception {
    return http.securityMatcher(new AndRequestMatcher(antMatcher("/console/**"), new NegatedRequestMatcher(
            new OrRequestMatcher(antMatcher(PeopleSignIn.PAGE), antMatcher(PeopleSignIn.SIGN_OUT)))))
        .authorizeHttpRequests(requests -> requests.requestMatchers(antMatcher(ConsolePages.PAGES + "/**"))
            .authenticated().anyRequest().permitAll())
        .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder))
            .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .build();
  }
}
