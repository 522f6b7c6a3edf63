package dk.kfgateway.security;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request the HTTP firewall refuses (a control character in a parameter name, an encoded slash, a path that walks
 * upwards): a 400 OperationOutcome that says so without echoing the request, where Spring would answer 500 with the
 * offending text in the message.
 */
class RejectedRequests implements RequestRejectedHandler {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
      throws IOException {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
        .setDiagnostics("The request was refused before it reached the FHIR API: its URL, parameters or body hold"
            + " characters the gateway does not accept there (control characters, encoded slashes or backslashes,"
            + " '..'). Send JSON with Content-Type: application/fhir+json and URL-encode parameter values.");
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/fhir+json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(outcome));
  }
}
