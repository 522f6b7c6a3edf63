package dk.kfgateway.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import dk.kfgateway.fhir.Refusals;

/**
 * Refuses, with 403 naming the missing scope, any FHIR interaction that the caller's SMART scopes do not cover
 * ({@link ScopePolicy}, {@link RequestedAccess}). Runs before the gateway's other request hooks, so that business
 * rules only ever see permitted requests. A request that reaches HAPI without a caller (other than metadata) is refused with 401 as a second line
 * behind the servlet filter.
 */
@Interceptor
public class ScopeInterceptor {

  /** Before the business rules' hooks (default order 0). */
  static final int ORDER = -100;

  private final ScopePolicy policy = new ScopePolicy();

  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = ORDER)
  public void check(RequestDetails request, RestOperationTypeEnum operation) {
    if (operation == RestOperationTypeEnum.METADATA) {
      return;
    }
    Caller caller = Caller.of(request).orElseThrow(ScopeInterceptor::noCaller);
    String method = request.getRequestType() == null ? null : request.getRequestType().name();
    Refusals.enforce(
        policy.check(caller, RequestedAccess.of(operation, request.getResourceName(), method, request.getResource())));
  }

  private static AuthenticationException noCaller() {
    String message = "A bearer token is required";
    AuthenticationException refusal = new AuthenticationException(FhirAuthenticationEntryPoint.RULE.display(message));
    refusal.setOperationOutcome(Refusals.outcome(FhirAuthenticationEntryPoint.RULE,
        org.hl7.fhir.r4.model.OperationOutcome.IssueType.LOGIN, message));
    return refusal;
  }
}
