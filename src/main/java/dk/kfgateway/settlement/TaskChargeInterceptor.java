package dk.kfgateway.settlement;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dk.kfgateway.access.Labeller;
import dk.kfgateway.workflow.AbortRequests;
import java.time.Clock;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Task;

/**
 * Writes the ChargeItems of a billable Task change as the change is stored, in its database transaction: the charge
 * commits with the event or not at all. After the workflow rules (order 0), so a move they refuse bills nothing.
 */
@Interceptor
public class TaskChargeInterceptor {

  private static final int AFTER_THE_RULES = 100;

  private final Billing billing;
  private final Clock clock;

  TaskChargeInterceptor(Billing billing, Clock clock) {
    this.billing = billing;
    this.clock = clock;
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = AFTER_THE_RULES)
  public void updated(IBaseResource previous, IBaseResource updated, RequestDetails request) {
    if (updated instanceof Task after && previous instanceof Task before && !Labeller.isLabelling(request)
        && !AbortRequests.isAbortRequest(after)) {
      billing.onTaskWrite(before, after, clock.instant());
    }
  }
}
