package dk.kfgateway.security.allowlist;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.security.Caller;
import dk.kfgateway.access.RestrictedCallers;

/**
 * Enforces the {@link AllowList} on every request before HAPI handles it: anything not on the caller's role's list
 * answers 403 naming SEC-008, in two steps: the URL before HAPI selects a handler, the body once parsed.
 */
@Interceptor
public class AllowListInterceptor {

  /** After the caller is known (order 0 of the same pointcut). */
  static final int URL_ORDER = 10;

  /** Before the token's scopes (SEC-002, order -100), as at the URL step, and before every rule that reads the body. */
  static final int BODY_ORDER = -110;

  private final AllowList allowList;
  private final RestrictedCallers callers;

  AllowListInterceptor(AllowList allowList, RestrictedCallers callers) {
    this.allowList = allowList;
    this.callers = callers;
  }

  /**
   * Before HAPI picks a handler: what the URL, query and headers say, so that operations, parameters and values HAPI
   * would reject or handle are judged first. The caller is known by then (CallerInterceptor, order 0); the search is not
   * yet narrowed (access.SearchNarrowing adds {@code _security} later).
   */
  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED, order = URL_ORDER)
  public void checkUrl(RequestDetails request) {
    restricted(request).ifPresent(caller -> RequestShapes.ofUrl(request)
        .ifPresent(shape -> Refusals.enforce(allowList.check(caller.role(), shape))));
  }

  /**
   * Once HAPI has parsed the body: a transaction's entries, conditional references in what is written, and a
   * Subscription's criteria as the search they stand for.
   */
  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = BODY_ORDER)
  public void checkBody(RequestDetails request, RestOperationTypeEnum operation) {
    restricted(request).ifPresent(caller -> {
      RequestShapes.ofBody(request, operation)
          .ifPresent(shape -> Refusals.enforce(allowList.check(caller.role(), shape)));
      RequestShapes.ofCriteria(request.getResource())
          .ifPresent(criteria -> Refusals.enforce(allowList.check(caller.role(), criteria)));
    });
  }

  private java.util.Optional<Caller> restricted(RequestDetails request) {
    return callers.of(request);
  }
}
