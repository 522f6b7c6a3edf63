package dk.kfgateway.routing;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import dk.kfgateway.pipeline.Step;
import dk.kfgateway.pipeline.Write;
import dk.kfgateway.pipeline.WriteStep;
import dk.kfgateway.security.Caller;
import dk.kfgateway.workflow.AbortRequests;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.hl7.fhir.r4.model.Task;

/**
 * Routes a referral's result when its Task is completed, as the completion is stored and inside its database
 * transaction: the municipality's result, the citizen's and the GP's copies, the outbox rows and the Provenance are
 * stored together with the completion or not at all (bkg 2019 §15 stk. 2: "samtidig med").
 */
public class CompletionRoutingInterceptor implements WriteStep {

  private final ResultRouter router;
  private final Clock clock;

  CompletionRoutingInterceptor(ResultRouter router, Clock clock) {
    this.router = router;
    this.clock = clock;
  }

  @Override
  public Step step() {
    return Step.RESULT_ROUTING;
  }

  @Override
  public void apply(Write write) {
    beforeStorage(write.previous(), write.resource(), write.request());
  }

  private void beforeStorage(IBaseResource previous, IBaseResource updated, RequestDetails request) {
    if (updated instanceof Task after && previous instanceof Task before
        && after.getStatus() == TaskStatus.COMPLETED && before.getStatus() != TaskStatus.COMPLETED
        && !AbortRequests.isAbortRequest(after)) {
      // The moment of completion, on the Task itself and on every copy.
      Instant completedAt = clock.instant();
      after.setLastModified(Date.from(completedAt));
      router.onCompletion(after, Caller.of(request), completedAt);
    }
  }
}
