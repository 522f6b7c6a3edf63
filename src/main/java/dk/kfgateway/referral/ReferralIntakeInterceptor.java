package dk.kfgateway.referral;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dk.kfgateway.fhir.Refusals;
import java.time.Clock;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;

/**
 * Referral intake (modtagelse af anmodninger): a referral arrives as one transaction Bundle and is checked as a whole
 * against the rules of its service before anything of it is stored; a refusal leaves nothing behind. A ServiceRequest
 * created on its own, outside such a Bundle, is refused by {@link ReferralCreationGuard}.
 */
@Interceptor
public class ReferralIntakeInterceptor {

  private static final String CHECKED_TASK = ReferralIntakeInterceptor.class.getName() + ".task";

  private final IntakeRules rules;
  private final ReferralBundleShape shape = new ReferralBundleShape();
  private final ReferralBundleReader reader = new ReferralBundleReader();
  private final Clock clock;
  private final Consumer<Patient> citizenCheck;

  /**
   * @param citizenCheck refuses a citizen entry as its create would (profile, references): HAPI skips the body of a
   *     conditional create that matches a stored citizen, so without this a referral whose citizen entry is faulty
   *     would be accepted for a known CPR and refused for an unknown one, telling which CPRs the gateway knows
   */
  public ReferralIntakeInterceptor(IntakeRules rules, Clock clock, Consumer<Patient> citizenCheck) {
    this.rules = rules;
    this.clock = clock;
    this.citizenCheck = citizenCheck;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void beforeHandling(RequestDetails request, RestOperationTypeEnum operation) {
    if (operation == RestOperationTypeEnum.TRANSACTION && request.getResource() instanceof Bundle bundle) {
      reader.read(bundle).ifPresent(referral -> {
        Refusals.enforce(shape.check(bundle, referral).and(rules.check(referral, clock.instant())));
        bundle.getEntry().stream().filter(e -> e.getResource() instanceof Patient && e.getRequest().hasIfNoneExist())
            .forEach(e -> citizenCheck.accept((Patient) e.getResource()));
        referral.task().ifPresent(task -> request.getUserData().put(CHECKED_TASK, task));
      });
    }
  }

  /** True for the very Task object that intake checked in this request; any other new Task of a client is not. */
  public static boolean isCheckedReferralTask(RequestDetails request, Object task) {
    return request != null && request.getUserData().get(CHECKED_TASK) == task;
  }
}
