package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dk.kfgateway.support.GatewayIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The caller named by the token is what HAPI's hooks see ({@code Caller.of(requestDetails)}), seen by a listening hook
 * registered for the length of each test.
 */
class CallerReachingHapiTest extends GatewayIntegrationTest {

  @Autowired RestfulServer server;
  @Autowired JWKSource<SecurityContext> gatewayKeys;
  private final Listener listener = new Listener();

  @BeforeEach
  void listen() {
    server.registerInterceptor(listener);
  }

  @AfterEach
  void stopListening() {
    server.unregisterInterceptor(listener);
  }

  @Test
  void aMunicipalCaseworkersSystemArrivesWithItsOrganisationAndPractitionerRole() {
    sendAs("holbaek-jobcenter", "GET", "/Task/task-1", null);

    assertThat(listener.seen).hasSize(1);
    Caller caller = listener.seen.get(0).orElseThrow();
    assertThat(caller.clientId()).isEqualTo("holbaek-jobcenter");
    assertThat(caller.role()).isEqualTo(PartyRole.MUNICIPALITY);
    assertThat(caller.organization()).isEqualTo("Organization/municipality-holbaek");
    assertThat(caller.practitionerRole()).isEqualTo("PractitionerRole/caseworker-holbaek");
    assertThat(caller.scopes()).contains("system/Task.crus", "system/ServiceRequest.crs");
  }

  @Test
  void aGpSystemArrivesWithoutAPractitionerRole() {
    fhirAs("gp-strandvej").search().forResource("Communication").execute();

    Caller caller = listener.seen.get(0).orElseThrow();
    assertThat(caller.role()).isEqualTo(PartyRole.GP);
    assertThat(caller.actsFor("Organization/gp-clinic-strandvej")).isTrue();
    assertThat(caller.practitionerRole()).isNull();
  }

  @Test
  void aValidTokenThatNamesNoRoleIsRefusedWith403() {
    String token =
        new SignedTokens(gatewayKeys).signedByTheGateway(c -> c.claims(claims -> claims.remove(TokenClaims.ROLE)));

    HttpResponse<String> response = sendWithToken(token, "GET", "/Task/task-1", null);

    assertThat(response.statusCode()).isEqualTo(403);
    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getDiagnostics())
        .startsWith("[SEC-003]")
        .contains("holbaek-jobcenter");
    assertThat(listener.seen).isEmpty();
  }

  /** Records the caller of each request that reaches HAPI's handling, after the scope check. */
  @Interceptor
  public static class Listener {
    final List<Optional<Caller>> seen = new ArrayList<>();

    @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = ScopeInterceptor.ORDER + 1)
    public void handled(RequestDetails request) {
      seen.add(Caller.of(request));
    }
  }
}
