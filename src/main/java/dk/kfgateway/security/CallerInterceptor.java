package dk.kfgateway.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns the token that Spring Security accepted into the {@link Caller} that HAPI's hooks and the gateway's rules read
 * ({@code Caller.of(requestDetails)}). A valid token that does not say which role and organisation its client acts for
 * is refused with 403: the gateway cannot decide anything for an anonymous party. The gateway's own DAO calls never
 * pass here and stay without a caller.
 */
@Interceptor
public class CallerInterceptor {

  static final RuleRef CLAIMS_RULE =
      new RuleRef("SEC-003", "gateway token claims " + TokenClaims.ROLE + " and " + TokenClaims.ORGANIZATION);

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED)
  public void identify(RequestDetails request, HttpServletRequest servletRequest) {
    if (servletRequest.getUserPrincipal() instanceof JwtAuthenticationToken token) {
      TokenClaims.caller(token.getToken().getClaims())
          .ifPresentOrElse(caller -> caller.attachTo(request), () -> Refusals.enforce(missingClaims(token)));
    }
  }

  private static Verdict missingClaims(JwtAuthenticationToken token) {
    String message =
        "The token of client " + TokenClaims.clientId(token.getToken().getClaims()) + " does not name a role ("
            + TokenClaims.ROLE + ": one of MUNICIPALITY, CLINIC, SECRETARIAT, GP, ADMINISTRATOR) and an organisation ("
            + TokenClaims.ORGANIZATION + ")";
    return Verdict.of(new Violation(CLAIMS_RULE, Violation.Kind.NOT_PERMITTED, message, null));
  }
}
