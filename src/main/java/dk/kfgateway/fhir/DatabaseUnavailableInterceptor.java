package dk.kfgateway.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A request that fails because the database cannot be reached (server down, network cut, pool exhausted waiting for a
 * connection) is answered 503 with a {@code Retry-After} and an OperationOutcome of code {@code transient}, not 500:
 * nothing was stored, the client may simply send it again, and the gateway recovers by itself once the database answers
 * (the connection pool opens new connections; no restart).
 */
@Interceptor
@Component
public class DatabaseUnavailableInterceptor {

  static final String RETRY_AFTER_SECONDS = "5";

  DatabaseUnavailableInterceptor(GatewayInterceptors interceptors) {
    interceptors.register(this);
  }

  /** Before HAPI's ExceptionHandlingInterceptor, which turns any other exception into a 500 (lower runs first). */
  @Hook(value = Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION, order = -1000)
  public BaseServerResponseException mapConnectionFailure(Throwable exception) {
    if (!isConnectionFailure(exception)) {
      return null; // HAPI's own handling
    }
    String message = "The gateway's database cannot be reached at the moment; nothing was stored. Send the request"
        + " again in a few seconds.";
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.TRANSIENT).setDiagnostics(message);
    ServiceUnavailableException unavailable = new ServiceUnavailableException(message, outcome);
    unavailable.addResponseHeader("Retry-After", RETRY_AFTER_SECONDS);
    return unavailable;
  }

  /**
   * Anywhere in the cause chain: a connection that could not be had or was lost (SQL state class 08), or a transaction
   * that could not even be rolled back (its connection is gone; the database rolls it back by itself).
   */
  static boolean isConnectionFailure(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException
          || t instanceof org.hibernate.exception.JDBCConnectionException
          || t instanceof org.hibernate.TransactionException
          || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
        return true;
      }
    }
    return false;
  }

  /** HTTP 503, which HAPI has no exception class for. */
  static final class ServiceUnavailableException extends BaseServerResponseException {
    ServiceUnavailableException(String message, OperationOutcome outcome) {
      super(503, message, outcome);
    }
  }
}
