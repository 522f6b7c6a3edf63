package dk.kfgateway.security;

import ca.uhn.fhir.context.FhirContext;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.rules.RuleRef;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Writes a refusal made before HAPI sees the request (in the servlet filter chain) as the FHIR API's own errors look:
 * an OperationOutcome in {@code application/fhir+json}, never a stack trace.
 */
final class OutcomeResponse {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private OutcomeResponse() {}

  static void write(HttpServletResponse response, int status, OperationOutcome.IssueType code, RuleRef rule,
      String message) throws IOException {
    write(response, status, Refusals.outcome(rule, code, message));
  }

  static void write(HttpServletResponse response, int status, OperationOutcome outcome) throws IOException {
    response.setStatus(status);
    response.setContentType("application/fhir+json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(outcome));
  }
}
