package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the caller from claims, as the embedded server writes them and as external issuers might. */
class TokenClaimsTest {

  @Test
  void theEmbeddedServersClaimsMakeTheCaller() {
    Map<String, Object> claims =
        Map.of(
            "sub", "kf-sjaelland-secretariat",
            "kf_role", "SECRETARIAT",
            "kf_org", "Organization/kf-region-sjaelland",
            "kf_practitioner_role", "PractitionerRole/secretary-kf",
            "scope", List.of("system/Task.rus", "system/Communication.crus"));

    assertThat(TokenClaims.caller(claims))
        .contains(
            new Caller(
                "kf-sjaelland-secretariat",
                PartyRole.SECRETARIAT,
                "Organization/kf-region-sjaelland",
                "PractitionerRole/secretary-kf",
                java.util.Set.of("system/Task.rus", "system/Communication.crus")));
  }

  @Test
  void scopesMayComeAsOneSpaceSeparatedStringAndTheClientAsClientId() {
    Map<String, Object> claims =
        Map.of(
            "sub", "service-account-7",
            "client_id", "gp-nordvej",
            "kf_role", "GP",
            "kf_org", "Organization/gp-clinic-nordvej",
            "scope", " system/Communication.rs  system/Patient.rs system/Patient.rs ");

    Caller caller = TokenClaims.caller(claims).orElseThrow();

    assertThat(caller.clientId()).isEqualTo("gp-nordvej");
    assertThat(caller.scopes()).containsExactlyInAnyOrder("system/Communication.rs", "system/Patient.rs");
    assertThat(caller.practitionerRole()).isNull();
  }

  @Test
  void withoutAKnownRoleOrAnOrganisationThereIsNoCaller() {
    assertThat(TokenClaims.caller(Map.of("sub", "x", "kf_org", "Organization/a"))).isEmpty();
    assertThat(TokenClaims.caller(Map.of("sub", "x", "kf_role", "MAYOR", "kf_org", "Organization/a"))).isEmpty();
    assertThat(TokenClaims.caller(Map.of("sub", "x", "kf_role", "GP"))).isEmpty();
  }
}
