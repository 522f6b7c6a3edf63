package dk.kfgateway.security;

import dk.kfgateway.rules.RuleRef;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 for a request without a usable bearer token: the {@code WWW-Authenticate: Bearer} challenge of RFC 6750 (with
 * {@code error="invalid_token"} and the reason when a token was sent), and an OperationOutcome saying why, so that
 * the integrator of a municipal or hospital system sees at once what to fix.
 */
class FhirAuthenticationEntryPoint implements AuthenticationEntryPoint {

  static final RuleRef RULE = new RuleRef("SEC-001", "SMART backend services; RFC 6750 (bearer token usage)");

  private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

  FhirAuthenticationEntryPoint() {
    challenge.setRealmName("kf-gateway");
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    challenge.commence(request, response, failure);
    OutcomeResponse.write(
        response, HttpServletResponse.SC_UNAUTHORIZED, OperationOutcome.IssueType.LOGIN, RULE, reason(failure));
  }

  private static String reason(AuthenticationException failure) {
    if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
      return "The bearer token was refused: " + oauth.getError().getDescription();
    }
    return "A bearer token is required: get one with the client-credentials grant at the token endpoint"
        + " named in /fhir/.well-known/smart-configuration and send it as 'Authorization: Bearer <token>'";
  }
}
