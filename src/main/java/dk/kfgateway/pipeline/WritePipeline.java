package dk.kfgateway.pipeline;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.DeferredInterceptorBroadcasts;
import dk.kfgateway.facts.CaseFacts;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The gateway's only hooks on the write path: one per write phase, each running the steps {@link WriteOrder} declares
 * for the resource type written, in that order. Registered with the storage engine, so it sees every write, the
 * gateway's own included (each step decides whether a write without a caller concerns it).
 */
@Interceptor
public class WritePipeline {

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
  public void transactionProcessed(RequestDetails request, DeferredInterceptorBroadcasts deferred) {
    run(new Write(WritePhase.TRANSACTION_PROCESSED, null, null, request, deferred));
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
