package dk.kfgateway.security;

import dk.kfgateway.GatewayProperties;
import java.util.List;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Writes who the client is into each access token of the embedded authorisation server: its organisation, role and
 * optional practitioner role from its registration ({@link TokenClaims}), and the gateway as audience, so that the
 * resource server needs nothing but the token to build the {@link Caller}. A person signed in to the console
 * (authorization code grant) gets the claims of their entry in {@code gateway.console.people} ({@link PersonClaims}).
 */
class GatewayTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private final GatewayProperties.Security security;
  private final ConsolePeople people;

  GatewayTokenCustomizer(GatewayProperties.Security security, ConsolePeople people) {
    this.security = security;
    this.people = people;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return;
    }
    String clientId = context.getRegisteredClient().getClientId();
    if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
      String userName = context.getPrincipal().getName();
      people.find(userName).ifPresent(person -> PersonClaims.write(
          context.getClaims().audience(List.of(security.audience())).claim("client_id", clientId), userName, person,
          security));
      return;
    }
    GatewayProperties.Security.Client client = security.clients().get(clientId);
    if (client == null) {
      return;
    }
    context
        .getClaims()
        .audience(List.of(security.audience()))
        .claim("client_id", clientId)
        .claim(TokenClaims.ROLE, client.role().name())
        .claim(TokenClaims.ORGANIZATION, client.organization());
    if (client.practitionerRole() != null && !client.practitionerRole().isBlank()) {
      context.getClaims().claim(TokenClaims.PRACTITIONER_ROLE, client.practitionerRole());
    }
  }
}
