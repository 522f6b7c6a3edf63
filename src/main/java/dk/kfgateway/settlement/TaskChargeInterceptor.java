package dk.kfgateway.settlement;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import dk.kfgateway.access.Labeller;
import dk.kfgateway.pipeline.Step;
import dk.kfgateway.pipeline.Write;
import dk.kfgateway.pipeline.WriteStep;
import dk.kfgateway.workflow.AbortRequests;
import java.time.Clock;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Task;

/**
 * Writes the ChargeItems of a billable Task change as the change is stored, in its database transaction: the charge
 * commits with the event or not at all. After the workflow and consent rules (pipeline.WriteOrder), so a move they refuse bills nothing.
 */
public class TaskChargeInterceptor implements WriteStep {

  private final Billing billing;
  private final Clock clock;

  TaskChargeInterceptor(Billing billing, Clock clock) {
    this.billing = billing;
    this.clock = clock;
  }

  @Override
  public Step step() {
    return Step.TASK_CHARGES;
  }

  @Override
  public void apply(Write write) {
    updated(write.previous(), write.resource(), write.request());
  }

  private void updated(IBaseResource previous, IBaseResource updated, RequestDetails request) {
    if (updated instanceof Task after && previous instanceof Task before && !Labeller.isLabelling(request)
        && !AbortRequests.isAbortRequest(after)) {
      billing.onTaskWrite(before, after, clock.instant());
    }
  }
}
