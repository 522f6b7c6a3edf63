package dk.kfgateway.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Leaves out of an answer the resources of types the caller's scopes do not let it read or search, which a search
 * brings along with {@code _include} or {@code _revinclude}: the scope check of the request ({@link ScopeInterceptor})
 * only sees the searched type. The gateway's own calls (no caller) see everything.
 */
@Interceptor
public class IncludedResourcesInterceptor {

  private final ScopePolicy policy = new ScopePolicy();

  @Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
  public void hideOutOfScope(IPreResourceShowDetails shown, RequestDetails request) {
    Caller.of(request).ifPresent(caller -> hide(shown, caller));
  }

  private void hide(IPreResourceShowDetails shown, Caller caller) {
    for (int i = 0; i < shown.size(); i++) {
      IBaseResource resource = shown.getResource(i);
      if (resource != null && !policy.maySee(caller, resource.fhirType())) {
        shown.setResource(i, null);
      }
    }
  }
}
