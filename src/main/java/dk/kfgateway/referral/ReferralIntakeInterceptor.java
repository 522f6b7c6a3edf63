package dk.kfgateway.referral;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import java.time.Clock;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Referral intake (modtagelse af anmodninger): a referral arrives as one transaction Bundle and is checked as a whole
 * against the rules of its service before anything of it is stored; a refusal leaves nothing behind. A ServiceRequest
 * created on its own, outside such a Bundle, is refused (REF-011), so no referral escapes the rules.
 */
@Interceptor
public class ReferralIntakeInterceptor {

  static final RuleRef ONE_TRANSACTION =
      new RuleRef("REF-011", "guide pkt. 12 (the case is sent as a whole); IG kf-referral");

  private final IntakeRules rules;
  private final ReferralBundleReader reader = new ReferralBundleReader();
  private final Clock clock;

  public ReferralIntakeInterceptor(IntakeRules rules, Clock clock) {
    this.rules = rules;
    this.clock = clock;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void beforeHandling(RequestDetails request, RestOperationTypeEnum operation) {
    if (operation == RestOperationTypeEnum.TRANSACTION && request.getResource() instanceof Bundle bundle) {
      reader.read(bundle).ifPresent(referral -> Refusals.enforce(rules.check(referral, clock.instant())));
    }
  }

  /** Every new ServiceRequest from a client, by create or update-as-create, must come in a referral transaction. */
  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void beforeCreate(IBaseResource resource, RequestDetails request) {
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
