package dk.kfgateway.audit;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.pipeline.Step;
import dk.kfgateway.pipeline.Write;
import dk.kfgateway.pipeline.WriteStep;
import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;

/**
 * The audit trail cannot be written, changed or deleted through the API, by anyone: only the gateway writes it. Checked
 * on every write (pipeline.WriteOrder), so transactions, conditional operations and patches are covered too.
 */
public class AuditTrailGuard implements WriteStep {

  static final RuleRef READ_ONLY = new RuleRef("AUD-001", "bkg 2019 §3; sundhedsloven §42a (logging of access)");

  @Override
  public Step step() {
    return Step.AUDIT_TRAIL_READ_ONLY;
  }

  @Override
  public void apply(Write write) {
    String what = switch (write.phase()) {
      case CREATE -> "written";
      case UPDATE -> "changed";
      default -> "deleted";
    };
    refuseFromApi(write.resource(), write.request(), what);
  }

  private static void refuseFromApi(IBaseResource resource, RequestDetails request, String what) {
    if (resource instanceof AuditEvent && request instanceof ServletRequestDetails) {
      Refusals.enforce(Verdict.notPermitted(READ_ONLY,
          "The audit trail is written by the gateway alone and cannot be " + what + " through the API", "AuditEvent"));
    }
  }
}
