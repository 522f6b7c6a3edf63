package dk.kfgateway.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.HashMap;
import java.util.Map;

/**
 * Isolation in the query: every search of case data by a restricted caller gets the caller's organisation's access
 * label as a further criterion ({@code _security=kf-access|<organisation>}), so HAPI selects only the rows the caller
 * may see: pages are full of the caller's own data and no count, id or page link tells of anybody else's.
 */
@Interceptor
public class SearchNarrowing {

  /** After the caller is known (CallerInterceptor, order 0). */
  static final int ORDER = 20;

  private final RestrictedCallers callers;

  SearchNarrowing(RestrictedCallers callers) {
    this.callers = callers;
  }

  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = ORDER)
  public void narrow(RequestDetails request) {
    if (request.getRestOperationType() != RestOperationTypeEnum.SEARCH_TYPE
        || !AccessLabels.LABELLED_TYPES.contains(request.getResourceName())) {
      return;
    }
    callers.of(request).ifPresent(caller -> {
      Map<String, String[]> parameters = new HashMap<>(request.getParameters());
      parameters.put("_security",
          new String[] {AccessLabels.SYSTEM + "|" + AccessLabels.code(caller.organization())});
      request.setParameters(parameters);
    });
  }
}
