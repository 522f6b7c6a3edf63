package dk.kfgateway.referral;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.pipeline.Step;
import dk.kfgateway.pipeline.Write;
import dk.kfgateway.pipeline.WriteStep;
import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * No referral escapes intake: a client's ServiceRequest is stored only as part of a referral transaction, which
 * {@link ReferralIntakeInterceptor} has checked (REF-011).
 */
public class ReferralCreationGuard implements WriteStep {

  static final RuleRef ONE_TRANSACTION =
      new RuleRef("REF-011", "guide pkt. 12 (the case is sent as a whole); IG kf-referral");

  @Override
  public Step step() {
    return Step.REFERRAL_IN_TRANSACTION;
  }

  @Override
  public void apply(Write write) {
    beforeCreate(write.resource(), write.request());
  }

  /** Every new ServiceRequest from a client, by create or update-as-create, must come in a referral transaction. */
  private void beforeCreate(IBaseResource resource, RequestDetails request) {
    if (resource instanceof ServiceRequest
        && request instanceof ServletRequestDetails
        && request.getRestOperationType() != RestOperationTypeEnum.TRANSACTION) {
      Refusals.enforce(
          Verdict.refused(
              ONE_TRANSACTION,
              "A referral is posted as one transaction Bundle with its Task, the citizen, the consent and the case"
                  + " documents (POST /fhir with Bundle.type = transaction), not as a ServiceRequest on its own"));
    }
  }
}
