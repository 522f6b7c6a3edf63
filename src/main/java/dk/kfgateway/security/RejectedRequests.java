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
 * offending text in the message.
 */
class RejectedRequests implements RequestRejectedHandler {

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
      throws IOException {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
        .setDiagnostics(UnreadableValues.FIREWALL_REFUSAL);
    OutcomeResponse.write(response, HttpServletResponse.SC_BAD_REQUEST, outcome);
  }
}
