package dk.kfgateway.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;

/**
 * A value HAPI cannot read where it builds a search ({@code _lastUpdated=not-a-date}: HAPI-1941) is the client's
 * mistake: 400 with HAPI's words, logged as one refusal line, not as HAPI's ERROR with a stack trace.
 */
@Interceptor
@Component
public class UnreadableValues {

  /** What a request the HTTP firewall refuses is told, wherever it is refused; it never echoes the request. */
  public static final String FIREWALL_REFUSAL = "The request was refused: its URL, parameters or body hold characters"
      + " the gateway does not accept there (control characters, encoded slashes or backslashes, '..'). URL-encode"
      + " parameter values and send JSON with Content-Type: application/fhir+json.";

  UnreadableValues(GatewayInterceptors interceptors) {
    interceptors.register(this);
  }

  /** After the database check (-1000), before hidden-as-unknown (-500) and HAPI's own handling. */
  @Hook(value = Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION, order = -900)
  public BaseServerResponseException clientsMistake(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RequestRejectedException) { // the HTTP firewall, as HAPI reads a parameter: never echo it
        return new InvalidRequestException(FIREWALL_REFUSAL);
      }
      if (t instanceof BaseServerResponseException) {
        return null;
      }
      if (t instanceof DataFormatException unreadable) {
        return new InvalidRequestException(unreadable.getMessage());
      }
    }
    return null;
  }
}
