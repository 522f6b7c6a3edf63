package dk.kfgateway.security;

import dk.kfgateway.GatewayProperties;
import java.util.List;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;

/**
 * The claims of a person's token (authorization code grant, the console): the same {@link TokenClaims} a client
 * system's token carries, taken from the person, plus who the person is, and the scopes of the person's role. The
 * token is a SMART-style app token on the gateway's own API: the allow-list, tenancy and audit treat it like any
 * other caller of that role and organisation.
 */
final class PersonClaims {

  private PersonClaims() {}

  static void write(JwtClaimsSet.Builder claims, String userName, GatewayProperties.Console.Person person,
      GatewayProperties.Security security) {
    claims.claim(TokenClaims.PERSON, userName)
        .claim(TokenClaims.PERSON_NAME, person.name())
        .claim(TokenClaims.ROLE, person.role().name())
        .claim(TokenClaims.ORGANIZATION, person.organization())
        .claim(TokenClaims.SCOPE, security.roleScopes().getOrDefault(person.role(), List.of()));
    if (person.practitionerRole() != null && !person.practitionerRole().isBlank()) {
      claims.claim(TokenClaims.PRACTITIONER_ROLE, person.practitionerRole());
    }
  }
}
