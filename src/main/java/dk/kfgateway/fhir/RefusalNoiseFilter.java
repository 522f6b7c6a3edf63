package dk.kfgateway.fhir;

import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Keeps HAPI from logging a refusal as an error: a filter on logback's logger context ({@link #install}, done when the
 * FHIR server is set up, so Spring Boot's own logging configuration stays as it is). HAPI logs every exception
 * that an interceptor hook throws at ERROR with its stack trace ({@code BaseInterceptorService}, "Exception thrown by
 * interceptor for pointcut ..."), and a refusal without an OperationOutcome once more at WARN
 * ({@code ExceptionHandlingInterceptor}, "Failure during REST processing: ..."); the gateway's rules refuse from hooks,
 * so each 403, 404, 409 or 422 cost some 125 lines at ERROR. Denied here are only those two lines, and only for a
 * {@link BaseServerResponseException} below 500 that HAPI goes on to answer (not one a hook swallows): the refusal is
 * then logged once, at INFO, by {@link RefusalLog}. Also denied: Hibernate's report of the unique-key violation by which
 * two concurrent updates of the same resource collide (HAPI answers the loser 409, a refusal logged by RefusalLog).
 * Everything else, every 5xx included, is logged as before.
 */
public class RefusalNoiseFilter extends TurboFilter {

  static final String INTERCEPTOR_SERVICE = "ca.uhn.fhir.interceptor.executor.BaseInterceptorService";
  static final String EXCEPTION_HANDLER = "ca.uhn.fhir.rest.server.interceptor.ExceptionHandlingInterceptor";
  static final String SQL_EXCEPTIONS = "org.hibernate.engine.jdbc.spi.SqlExceptionHelper";
  /** HAPI's index of (resource, version): the row two concurrent updates of one resource both try to write. */
  static final String VERSION_COLLISION = "IDX_RESVER_ID_VER";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger == null || format == null) {
      return FilterReply.NEUTRAL;
    }
    String name = logger.getName();
    if (INTERCEPTOR_SERVICE.equals(name) && level == Level.ERROR && format.startsWith("Exception thrown by interceptor")
        && params != null && params.length > 0 && isRefusal(params[params.length - 1])
        && !(params[0] instanceof Pointcut pointcut
            && pointcut.isShouldLogAndSwallowException((Throwable) params[params.length - 1]))) {
      return FilterReply.DENY;
    }
    if (EXCEPTION_HANDLER.equals(name) && level == Level.WARN && format.equals("Failure during REST processing: {}")) {
      return FilterReply.DENY; // HAPI's form for a refusal below 500 only; 5xx are logged with another message
    }
    if (SQL_EXCEPTIONS.equals(name) && format.contains(VERSION_COLLISION)) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }

  /** Adds the filter to logback's logger context, once; does nothing where logback is not the logging backend. */
  public static synchronized void install() {
    if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(RefusalNoiseFilter.class::isInstance)) {
      RefusalNoiseFilter filter = new RefusalNoiseFilter();
      filter.setName("kf-gateway refusals");
      filter.setContext(context);
      filter.start();
      context.addTurboFilter(filter);
    }
  }

  static boolean isRefusal(Object thrown) {
    return thrown instanceof BaseServerResponseException refusal && refusal.getStatusCode() < 500;
  }
}
