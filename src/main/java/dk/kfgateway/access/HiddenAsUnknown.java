package dk.kfgateway.access;

import ca.uhn.fhir.i18n.Msg;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

/**
 * Hidden is the same as unknown, byte for byte apart from the id: every 404 or 410 that a restricted caller gets for
 * one resource (a read, an operation, an update of another party's or of a deleted or never known resource) is
 * answered with HAPI's own words for an unknown id, whichever path HAPI or the gateway took to it.
 */
@Interceptor
public class HiddenAsUnknown {

  private final RestrictedCallers callers;

  HiddenAsUnknown(RestrictedCallers callers) {
    this.callers = callers;
  }

  /** Before HAPI's ExceptionHandlingInterceptor (order 0), whose answer would be final. */
  @Hook(value = Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION, order = -500)
  public BaseServerResponseException unify(RequestDetails request, Throwable exception) {
    boolean notThere = exception instanceof ResourceNotFoundException || exception instanceof ResourceGoneException;
    if (!notThere || request.getId() == null || !request.getId().hasIdPart() || request.getResourceName() == null
        || callers.of(request).isEmpty()) {
      return null; // HAPI's own handling
    }
    return unknown(request.getResourceName() + "/" + request.getId().getIdPart());
  }

  /** HAPI's answer for an id it does not know. */
  public static ResourceNotFoundException unknown(String id) {
    return new ResourceNotFoundException(Msg.code(2001) + "Resource " + id + " is not known");
  }
}
