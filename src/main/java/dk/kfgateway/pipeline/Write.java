package dk.kfgateway.pipeline;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.api.server.storage.DeferredInterceptorBroadcasts;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import dk.kfgateway.security.Caller;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One write as every step of the pipeline sees it.
 *
 * @param previous the stored version an update replaces (null for a create or delete)
 * @param resource the resource being created, updated (its new version) or deleted; null after a transaction
 * @param deferred what a transaction or batch stored ({@link WritePhase#TRANSACTION_PROCESSED} only)
 * @param transaction HAPI's details of that transaction, which know the ids it stored ({@link
 *     WritePhase#TRANSACTION_PROCESSED} only)
 */
public record Write(WritePhase phase, IBaseResource previous, IBaseResource resource, RequestDetails request,
    DeferredInterceptorBroadcasts deferred, TransactionDetails transaction) {

  public Write(WritePhase phase, IBaseResource previous, IBaseResource resource, RequestDetails request,
      DeferredInterceptorBroadcasts deferred) {
    this(phase, previous, resource, request, deferred, null);
  }

  /** The resource type written, e.g. {@code Task}; empty for {@link WritePhase#TRANSACTION_PROCESSED}. */
  public String type() {
    return resource == null ? "" : resource.fhirType();
  }

  /** The caller of an HTTP request; empty for the gateway's own writes. */
  public Optional<Caller> caller() {
    return Caller.of(request);
  }

  /** Whether a client sent this write over HTTP (not the gateway writing on its own). */
  public boolean fromClient() {
    return request instanceof ServletRequestDetails;
  }
}
