package dk.kfgateway.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.api.server.storage.DeferredInterceptorBroadcasts;
import dk.kfgateway.pipeline.Step;
import dk.kfgateway.pipeline.Write;
import dk.kfgateway.pipeline.WriteStep;
import dk.kfgateway.security.Caller;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One AuditEvent per request that changes citizen data, in the request's own database transaction, so that the change
 * and its record commit or roll back together; a transaction or batch makes one record listing every resource it
 * wrote. Registered with the server (it reads the caller): the gateway's own writes, the AuditEvents among them, have
 * no caller and are never audited here.
 */
@Interceptor
public class WriteAudit implements WriteStep {

  private static final String WRITES = WriteAudit.class.getName();
  private static final String RECORDED = WriteAudit.class.getName() + ".recorded";

  private final AuditTrail trail;

  public WriteAudit(AuditTrail trail) {
    this.trail = trail;
  }

  /** Whether this request's writes were recorded (a batch of reads only is audited as a read instead). */
  static boolean wroteIn(RequestDetails request) {
    return request.getUserData().get(WRITES) != null || request.getUserData().get(RECORDED) != null;
  }

  /** A new request starts with nothing written (its writes come through the write pipeline). */
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void start(RequestDetails request) {
    request.getUserData().remove(WRITES);
    request.getUserData().remove(RECORDED);
  }

  @Override
  public Step step() {
    return Step.WRITE_AUDIT;
  }

  /** A retried transaction's writes are recorded once, from its successful run. */
  @Override
  public void beforeRetry(RequestDetails request) {
    start(request);
  }

  @Override
  public void apply(Write write) {
    switch (write.phase()) {
      case CREATED -> created(write.resource(), write.request());
      case UPDATED -> updated(write.previous(), write.resource(), write.request());
      case DELETED -> deleted(write.resource(), write.request());
      case TRANSACTION_PROCESSED -> transactionProcessed(write.request(), write.deferred(), write.transaction());
      default -> { }
    }
  }

  private void created(IBaseResource resource, RequestDetails request) {
    trail.written(resource);
    written(request, resource, "C");
  }

  private void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    trail.written(resource);
    written(request, resource, "U");
  }

  private void deleted(IBaseResource resource, RequestDetails request) {
    written(request, resource, "D");
  }

  /**
   * The writes of a transaction or batch, whose storage hooks HAPI defers to its end: one record for all, still inside
   * the database transaction.
   */
  private void transactionProcessed(RequestDetails request, DeferredInterceptorBroadcasts deferred,
      TransactionDetails transaction) {
    Optional<Caller> caller = Caller.of(request);
    if (caller.isEmpty()) {
      return;
    }
    Writes writes = writes(request, caller.get());
    deferred.getDeferredInterceptorBroadcasts().forEach((pointcut, params) -> {
      switch (pointcut) {
        case STORAGE_PRECOMMIT_RESOURCE_CREATED -> writes.add(params.get(IBaseResource.class), "C");
        case STORAGE_PRECOMMIT_RESOURCE_UPDATED -> writes.add(params.get(IBaseResource.class, 1), "U");
        case STORAGE_PRECOMMIT_RESOURCE_DELETED -> writes.add(params.get(IBaseResource.class), "D");
        default -> { }
      }
    });
    request.getUserData().remove(WRITES);
    if (!writes.isEmpty()) {
      trail.record(writes.toRecord(), transaction);
      request.getUserData().put(WRITES, Boolean.TRUE);
    }
  }

  /** A single write (create, update, patch, delete, or an operation's) is recorded as it is stored. */
  private void written(RequestDetails request, IBaseResource resource, String action) {
    Optional<Caller> caller = Caller.of(request);
    RestOperationTypeEnum operation = request.getRestOperationType();
    if (caller.isEmpty() || operation == RestOperationTypeEnum.TRANSACTION
        || operation == RestOperationTypeEnum.BATCH) {
      return;
    }
    Writes writes = new Writes(RequestKind.of(operation, request.getRequestType()), Writes.agent(caller.get()));
    writes.add(resource, action);
    if (!writes.isEmpty()) {
      trail.record(writes.toRecord());
      request.getUserData().put(RECORDED, Boolean.TRUE);
    }
  }

  private Writes writes(RequestDetails request, Caller caller) {
    return (Writes) request.getUserData().computeIfAbsent(WRITES,
        k -> new Writes(RequestKind.of(request.getRestOperationType(), request.getRequestType()), Writes.agent(caller)));
  }

}
