package dk.kfgateway.access;

import ca.uhn.fhir.i18n.Msg;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dk.kfgateway.security.Caller;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;

/**
 * Hidden is the same as unknown, byte for byte apart from the id: every 404 or 410 that a restricted caller gets for
 * one resource (a read, an operation, an update of another party's or of a deleted or never known resource) is
 * answered with HAPI's own words for an unknown id, whichever path HAPI or the gateway took to it. The versions of a
 * resource ({@code _history}, {@code _history/<v>}) are shown only to whoever may see the resource now: otherwise
 * HAPI would answer an empty history (200) where an unknown id gets 404, and an old version labelled for a party
 * that has since lost the case (a withdrawn consent) would still be shown to it.
 */
@Interceptor
public class HiddenAsUnknown {

  /** After the scope check (ScopeInterceptor, order -100): a caller without the scope is refused for that first. */
  private static final int AFTER_SCOPES = -50;
  private static final Set<RestOperationTypeEnum> VERSIONS =
      Set.of(RestOperationTypeEnum.HISTORY_INSTANCE, RestOperationTypeEnum.VREAD);

  private final RestrictedCallers callers;
  private final Visibility visibility;
  private final DaoRegistry daos;

  HiddenAsUnknown(RestrictedCallers callers, Visibility visibility, DaoRegistry daos) {
    this.callers = callers;
    this.visibility = visibility;
    this.daos = daos;
  }

  /** The history or a version of a resource the caller may not see now answers as for an unknown id. */
  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = AFTER_SCOPES)
  public void versions(RequestDetails request, RestOperationTypeEnum operation) {
    Caller caller = callers.of(request).orElse(null);
    if (caller == null || !VERSIONS.contains(operation) || !isOneResource(request)
        || !daos.isResourceTypeSupported(request.getResourceName())) {
      return;
    }
    String id = request.getResourceName() + "/" + request.getId().getIdPart();
    IBaseResource current;
    try {
      current = daos.getResourceDao(request.getResourceName()).read(new IdType(id), new SystemRequestDetails());
    } catch (BaseServerResponseException e) {
      throw unknown(id); // unknown or deleted
    }
    if (!visibility.sees(caller, current, request)) {
      LabelFilter.hiddenIn(request).add(current);
      throw unknown(id);
    }
  }

  /** Before HAPI's ExceptionHandlingInterceptor (order 0), whose answer would be final. */
  @Hook(value = Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION, order = -500)
  public BaseServerResponseException unify(RequestDetails request, Throwable exception) {
    boolean notThere = exception instanceof ResourceNotFoundException || exception instanceof ResourceGoneException;
    if (!notThere || !isOneResource(request) || callers.of(request).isEmpty()) {
      return null; // HAPI's own handling
    }
    return unknown(request.getResourceName() + "/" + request.getId().getIdPart());
  }

  /** HAPI's answer for an id it does not know. */
  public static ResourceNotFoundException unknown(String id) {
    return new ResourceNotFoundException(Msg.code(2001) + "Resource " + id + " is not known");
  }

  private static boolean isOneResource(RequestDetails request) {
    return request.getId() != null && request.getId().hasIdPart() && request.getResourceName() != null;
  }
}
