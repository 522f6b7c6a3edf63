package dk.kfgateway.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;

/**
 * The audit trail cannot be written, changed or deleted through the API, by anyone: only the gateway writes it. Checked
 * on the storage hooks, so transactions, conditional operations and patches are covered too.
 */
@Interceptor
public class AuditTrailGuard {

  static final RuleRef READ_ONLY = new RuleRef("AUD-001", "bkg 2019 §3; sundhedsloven §42a (logging of access)");

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void create(IBaseResource resource, RequestDetails request) {
    refuseFromApi(resource, request, "written");
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void update(IBaseResource previous, IBaseResource updated, RequestDetails request) {
    refuseFromApi(updated, request, "changed");
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
  public void delete(IBaseResource resource, RequestDetails request) {
    refuseFromApi(resource, request, "deleted");
  }

  private static void refuseFromApi(IBaseResource resource, RequestDetails request, String what) {
    if (resource instanceof AuditEvent && request instanceof ServletRequestDetails) {
      Refusals.enforce(Verdict.notPermitted(READ_ONLY,
          "The audit trail is written by the gateway alone and cannot be " + what + " through the API", "AuditEvent"));
    }
  }
}
