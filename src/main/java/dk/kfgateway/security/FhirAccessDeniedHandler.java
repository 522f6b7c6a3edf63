package dk.kfgateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A valid token that may not use an address outside the FHIR API (Actuator beyond health is the administrator's):
 * 403 with the bearer-token challenge Spring sets, and an OperationOutcome where Spring leaves the body empty.
 */
final class FhirAccessDeniedHandler implements AccessDeniedHandler {

  private final BearerTokenAccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    challenge.handle(request, response, denied);
    OutcomeResponse.write(response, HttpServletResponse.SC_FORBIDDEN, ErrorOutcomes.outcome(403));
  }
}
