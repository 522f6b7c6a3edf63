package dk.kfgateway.security;

import dk.kfgateway.fhir.UnreadableValues;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request the HTTP firewall refuses (a control character in a parameter name, an encoded slash, a path that walks
 * upwards): a 400 OperationOutcome that says so without echoing the request, where Spring would answer 500 with the
 * offending text in the message; a method it does not let through (TRACE) is a 405.
 */
class RejectedRequests implements RequestRejectedHandler {

  /** The methods the firewall lets through (StrictHttpFirewall's default); any other, TRACE say, is not served. */
  private static final java.util.Set<String> SERVED = java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
      "OPTIONS");

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
      throws IOException {
    if (!SERVED.contains(request.getMethod())) {
      OutcomeResponse.write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, ErrorOutcomes.outcome(405));
      return;
    }
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
        .setDiagnostics(UnreadableValues.FIREWALL_REFUSAL);
    OutcomeResponse.write(response, HttpServletResponse.SC_BAD_REQUEST, outcome);
  }
}
