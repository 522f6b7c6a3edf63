package dk.kfgateway.pipeline;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.ResourceVersionConflictResolutionStrategy;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.api.server.storage.DeferredInterceptorBroadcasts;
import dk.kfgateway.facts.CaseFacts;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The gateway's only hooks on the write path: one per write phase, each running the steps {@link WriteOrder} declares
 * for the resource type written, in that order. Registered with the storage engine, so it sees every write, the
 * gateway's own included (each step decides whether a write without a caller concerns it).
 */
@Interceptor
public class WritePipeline {

  /** Enough for a handful of referrals of one new citizen at the same moment. */
  private static final int RACE_RETRIES = 3;

  private final Map<Step, WriteStep> steps;
  private final CaseFacts facts;
  private final Map<WritePhase, Map<String, List<WriteStep>>> plans = new EnumMap<>(WritePhase.class);

  public WritePipeline(List<WriteStep> available, CaseFacts facts) {
    this.facts = facts;
    this.steps = available.stream().collect(Collectors.toMap(WriteStep::step, Function.identity(), (a, b) -> {
      throw new IllegalStateException("Two implementations of the write step " + a.step());
    }, () -> new EnumMap<>(Step.class)));
    for (WritePhase phase : WritePhase.values()) {
      plans.put(phase, new ConcurrentHashMap<>());
    }
  }

  /** The steps that run for this phase and type, in order (those switched off by configuration left out). */
  public List<Step> plan(WritePhase phase, String type) {
    return stepsFor(phase, type).stream().map(WriteStep::step).toList();
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void create(IBaseResource resource, RequestDetails request) {
    run(new Write(WritePhase.CREATE, null, resource, request, null));
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void update(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    run(new Write(WritePhase.UPDATE, previous, resource, request, null));
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
  public void delete(IBaseResource resource, RequestDetails request) {
    run(new Write(WritePhase.DELETE, null, resource, request, null));
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void created(IBaseResource resource, RequestDetails request) {
    run(new Write(WritePhase.CREATED, null, resource, request, null));
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    run(new Write(WritePhase.UPDATED, previous, resource, request, null));
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
  public void deleted(IBaseResource resource, RequestDetails request) {
    run(new Write(WritePhase.DELETED, null, resource, request, null));
  }

  @Hook(Pointcut.STORAGE_TRANSACTION_PROCESSED)
  public void transactionProcessed(RequestDetails request, DeferredInterceptorBroadcasts deferred,
      TransactionDetails transaction) {
    run(new Write(WritePhase.TRANSACTION_PROCESSED, null, null, request, deferred, transaction));
  }

  /**
   * A transaction that only creates and lost a race (two referrals of the same new citizen at once: HAPI's unique
   * conditional create refuses the second citizen at flush) runs again once the other has committed, and so joins the
   * citizen stored meanwhile. Answering 409 would tell the second municipality that somebody else is referring that CPR
   * right now. An update's conflict (a stale If-Match, a lost version race) is the client's to resolve: not retried.
   */
  @Hook(Pointcut.STORAGE_VERSION_CONFLICT)
  public ResourceVersionConflictResolutionStrategy conflict(RequestDetails request) {
    ResourceVersionConflictResolutionStrategy strategy = new ResourceVersionConflictResolutionStrategy();
    if (request != null && request.getRestOperationType() == RestOperationTypeEnum.TRANSACTION
        && request.getResource() instanceof Bundle bundle && !bundle.getEntry().isEmpty()
        && bundle.getEntry().stream().allMatch(e -> e.getRequest().getMethod() == Bundle.HTTPVerb.POST)) {
      steps.values().forEach(step -> step.beforeRetry(request));
      strategy.setRetry(true);
      strategy.setMaxRetries(RACE_RETRIES);
    }
    return strategy;
  }

  private void run(Write write) {
    facts.written(write.resource()); // what the steps read of it before is stale now
    for (WriteStep step : stepsFor(write.phase(), write.type())) {
      step.apply(write);
    }
  }

  private List<WriteStep> stepsFor(WritePhase phase, String type) {
    return plans.get(phase).computeIfAbsent(type, t ->
        WriteOrder.plan(phase, t).stream().filter(steps::containsKey).map(steps::get).toList());
  }
}
