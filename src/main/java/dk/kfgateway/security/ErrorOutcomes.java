package dk.kfgateway.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors outside the FHIR API answer as the API does: an OperationOutcome in {@code application/fhir+json}, with the
 * status and a sentence a caller can act on, never Spring's error document or an empty body. Spring forwards every
 * error of its own here (a path nothing serves, a method not served, Actuator refusing a token); {@code /error} asked
 * for directly is nothing that exists (404). What Tomcat refuses before Spring sees it is {@link OutcomeErrorReports}'.
 */
@Controller
class ErrorOutcomes implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
        ? code : HttpServletResponse.SC_NOT_FOUND;
    OutcomeResponse.write(response, status, outcome(status));
  }

  /** The OperationOutcome of an HTTP error status, as it says what went wrong. */
  static OperationOutcome outcome(int status) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(code(status))
        .setDiagnostics(message(status));
    return outcome;
  }

  private static IssueType code(int status) {
    return switch (status) {
      case 401 -> IssueType.LOGIN;
      case 403 -> IssueType.FORBIDDEN;
      case 404 -> IssueType.NOTFOUND;
      case 405, 415 -> IssueType.NOTSUPPORTED;
      case 413 -> IssueType.TOOLONG;
      default -> status >= 500 ? IssueType.EXCEPTION : IssueType.INVALID;
    };
  }

  private static String message(int status) {
    return switch (status) {
      case 400 -> "The request cannot be read as HTTP for this server: an encoded '/' or '\\' in the path, a malformed"
          + " URL or header. The FHIR API is at /fhir";
      case 401 -> "A bearer token is required: get one at /oauth2/token";
      case 403 -> "This caller may not use this address";
      case 404 -> "Nothing is served at this address; the FHIR API is at /fhir";
      case 405 -> "This HTTP method is not served at this address";
      case 413 -> "The request is too large";
      case 415 -> "This content type is not accepted here; the FHIR API takes application/fhir+json";
      default -> status >= 500 ? "The server could not answer this request (HTTP " + status + "); try again later"
          : "The request was refused (HTTP " + status + ")";
    };
  }
}
