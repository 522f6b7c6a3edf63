package dk.kfgateway.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dk.kfgateway.GatewayProperties;
import java.time.Clock;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The embedded authorisation server (Spring Authorization Server), on unless
 * {@code gateway.security.authorization-server.enabled=false}: a real token endpoint ({@code /oauth2/token}, client
 * credentials), its key set ({@code /oauth2/jwks}) and metadata ({@code /.well-known/oauth-authorization-server}), for
 * the demo, the tests and small installations. Its filter chain covers only its own endpoints and comes before the
 * API's. Its authorisation endpoint (browser sign-in) serves only the console's people, authorization code with PKCE
 * ({@link PeopleSignIn}; closed to every other client, {@link AuthorizationEndpointClosed}), and repeated failed
 * client authentications lock the client or address out for a while ({@link ClientAuthenticationThrottle}).
 */
@Configuration
@ConditionalOnProperty(
    name = "gateway.security.authorization-server.enabled",
    havingValue = "true",
    matchIfMissing = true)
public class AuthorizationServerConfig {

  @Bean
  @Order(1)
  public SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, GatewayProperties properties,
      AuthorizationServerSettings settings, RegisteredClientRepository registered, Clock clock) throws Exception {
    OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
    ClientKeys keys = new ClientKeys(properties.security());
    ConsolePeople people = new ConsolePeople(properties.console());
    http.securityMatcher(new OrRequestMatcher(server.getEndpointsMatcher(), antMatcher(PeopleSignIn.PAGE),
            antMatcher(PeopleSignIn.SIGN_OUT)))
        .addFilterAfter(new AuthorizationEndpointClosed(settings.getAuthorizationEndpoint(),
            settings.getTokenEndpoint(), ((RegisteredClients) registered)::signsPeopleIn), HeaderWriterFilter.class)
        .addFilterAfter(throttle(properties.security().authorizationServer().lockout(), settings, registered, clock),
            AuthorizationEndpointClosed.class)
        .with(server, s -> s.tokenEndpoint(token -> token.accessTokenRequestConverter(new DefaultScopes()))
            .clientAuthentication(clients -> clients.authenticationProviders(providers -> providers.stream()
                .filter(JwtClientAssertionAuthenticationProvider.class::isInstance)
                .forEach(p -> ((JwtClientAssertionAuthenticationProvider) p).setJwtDecoderFactory(keys)))))
        .authorizeHttpRequests(requests -> requests.requestMatchers(antMatcher(PeopleSignIn.PAGE)).permitAll()
            .anyRequest().authenticated());
    if (people.isEmpty()) {
      http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    } else {
      GatewayProperties.Security.AuthorizationServer.Lockout lockout =
          properties.security().authorizationServer().lockout();
      PeopleSignIn.configure(http, people, settings.getAuthorizationEndpoint(), new SignInThrottle(PeopleSignIn.PAGE,
          new FailedAuthentications(lockout.maxFailuresPerClient(), lockout.window(), clock),
          new FailedAuthentications(lockout.maxFailuresPerAddress(), lockout.window(), clock)));
    }
    return http.build();
  }

  /** Failed client authentications at the endpoints where clients authenticate, counted per client and address. */
  private static ClientAuthenticationThrottle throttle(GatewayProperties.Security.AuthorizationServer.Lockout lockout,
      AuthorizationServerSettings settings, RegisteredClientRepository clients, Clock clock) {
    return new ClientAuthenticationThrottle(
        Set.of(settings.getTokenEndpoint(), settings.getTokenIntrospectionEndpoint(),
            settings.getTokenRevocationEndpoint(), settings.getDeviceAuthorizationEndpoint()),
        clientId -> clients.findByClientId(clientId) != null,
        new FailedAuthentications(lockout.maxFailuresPerClient(), lockout.window(), clock),
        new FailedAuthentications(lockout.maxFailuresPerAddress(), lockout.window(), clock));
  }

  @Bean
  public RegisteredClientRepository registeredClientRepository(GatewayProperties properties) {
    return new RegisteredClients(properties.security(), properties.console());
  }

  @Bean
  public OAuth2AuthorizationService authorizationService(Clock clock) {
    return new StatelessAuthorizationService(clock);
  }

  @Bean
  public JWKSource<SecurityContext> jwkSource(GatewayProperties properties) {
    return SigningKeys.load(properties.security().authorizationServer().signingKey());
  }

  @Bean
  public AuthorizationServerSettings authorizationServerSettings(GatewayProperties properties) {
    String issuer = properties.security().issuerUri();
    AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
    return (issuer == null || issuer.isBlank() ? settings : settings.issuer(issuer)).build();
  }

  @Bean
  public OAuth2TokenCustomizer<JwtEncodingContext> gatewayTokenCustomizer(GatewayProperties properties) {
    return new GatewayTokenCustomizer(properties.security(), new ConsolePeople(properties.console()));
  }
}
