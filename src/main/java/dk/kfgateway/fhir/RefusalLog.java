package dk.kfgateway.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dk.kfgateway.ig.Ig;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A refusal (any answer below 500) is the client's business, not an error of the gateway: it is logged as one line at
 * INFO, "Refused POST /fhir/Task: 403 SEC-002 (client gp-nordvej)", with method, path (never the query, which may
 * hold a CPR number), status, the rule ids of the OperationOutcome (else the kind of refusal) and the client. HAPI's
 * own ERROR lines with stack traces for the same refusal are filtered out ({@link RefusalNoiseFilter}); errors of the
 * gateway (5xx) stay as HAPI logs them, at ERROR with the stack trace.
 */
@Interceptor
public class RefusalLog {

  private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);
  private static final String RULES = Ig.CANONICAL + "/rule";
  private static final Pattern LEADING_RULE = Pattern.compile("\\[([A-Z]+-[0-9]+)\\]");

  /** Runs before the answer is written and lets HAPI write it (returns true). */
  @Hook(value = Pointcut.SERVER_HANDLE_EXCEPTION, order = -100)
  public boolean handled(HttpServletRequest servletRequest, BaseServerResponseException exception) {
    if (exception.getStatusCode() < 500) {
      refused(servletRequest.getMethod(), servletRequest.getRequestURI(), exception.getStatusCode(),
          rules(exception), client(servletRequest), exception.getClass().getSimpleName());
    }
    return true;
  }

  /** The one line of a refusal; {@code kind} is named when there is no rule id. */
  static void refused(String method, String path, int status, List<String> rules, String client, String kind) {
    if (log.isInfoEnabled()) {
      String why = rules.isEmpty() ? (kind == null ? "" : " " + kind) : " " + String.join(",", rules);
      log.info("Refused {} {}: {}{}{}", method, path, status, why, client == null ? "" : " (client " + client + ")");
    }
  }

  /** The authenticated client (the token's subject), or null. */
  static String client(HttpServletRequest request) {
    return request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
  }

  /** The rule ids coded in the OperationOutcome, else the one the message starts with ("[IG-001] ..."). */
  private static List<String> rules(BaseServerResponseException exception) {
    List<String> coded = exception.getOperationOutcome() instanceof OperationOutcome outcome
        ? outcome.getIssue().stream()
            .flatMap(issue -> issue.getDetails().getCoding().stream())
            .filter(coding -> RULES.equals(coding.getSystem()))
            .map(Coding::getCode)
            .distinct()
            .toList()
        : List.of();
    if (!coded.isEmpty()) {
      return coded;
    }
    Matcher leading = LEADING_RULE.matcher(String.valueOf(exception.getMessage()));
    return leading.lookingAt() ? List.of(leading.group(1)) : List.of();
  }
}
