package dk.kfgateway.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dk.kfgateway.GatewayProperties;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The gateway as an OAuth2 resource server: every request needs a valid bearer JWT ({@link GatewayJwtDecoder}) except
 * the capability statement, SMART discovery and the authorisation server's own endpoints (its chain comes first).
 * Stateless, no CSRF (no cookies, no sessions), CORS only for configured origins.
 */
@Configuration
public class ResourceServerConfig {

  /** The HTTP firewall's refusals as FHIR answers (400), never Spring's 500 with the request echoed. */
  @Bean
  public org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
    return new RejectedRequests();
  }

  @Bean
  @Order(2)
  public SecurityFilterChain apiFilterChain(HttpSecurity http, JwtDecoder decoder, GatewayProperties properties)
      throws Exception {
    FhirAuthenticationEntryPoint entryPoint = new FhirAuthenticationEntryPoint();
    FhirAccessDeniedHandler denied = new FhirAccessDeniedHandler();
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(antMatcher(HttpMethod.GET, "/fhir/metadata"))
                    .permitAll()
                    .requestMatchers(antMatcher(HttpMethod.GET, SmartEndpoints.DISCOVERY_PATH))
                    .permitAll()
                    .requestMatchers(antMatcher("/error"))
                    .permitAll()
                    .requestMatchers(antMatcher(HttpMethod.GET, "/actuator/health"))
                    .permitAll()
                    .requestMatchers(antMatcher(HttpMethod.GET, "/actuator/health/**"))
                    .permitAll()
                    // the rest of Actuator (notification metrics) is the administrator's
                    .requestMatchers(antMatcher("/actuator/**"))
                    .access(ResourceServerConfig::administrator)
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder)).authenticationEntryPoint(entryPoint)
            .accessDeniedHandler(denied))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable);
    List<String> origins = properties.security().corsAllowedOrigins();
    if (origins.isEmpty()) {
      http.cors(AbstractHttpConfigurer::disable);
    } else {
      http.cors(cors -> cors.configurationSource(cors(origins)));
    }
    return http.build();
  }

  /** Actuator beyond health: only a token of the ADMINISTRATOR role. */
  private static AuthorizationDecision administrator(
      Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    boolean admin = authentication.get() instanceof
        JwtAuthenticationToken token
        && TokenClaims.caller(token.getToken().getClaims()).map(c -> c.role() == PartyRole.ADMINISTRATOR).orElse(false);
    return new AuthorizationDecision(admin);
  }

  @Bean
  public JwtDecoder jwtDecoder(GatewayProperties properties, ObjectProvider<JWKSource<SecurityContext>> localKeys) {
    GatewayProperties.Security security = properties.security();
    return GatewayJwtDecoder.create(
        security, security.authorizationServer().enabled() ? localKeys.getObject() : null);
  }

  private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(origins);
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Prefer", "If-Match", "If-None-Exist"));
    cors.setExposedHeaders(List.of("Location", "ETag", "Content-Location", "WWW-Authenticate"));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return source;
  }
}
