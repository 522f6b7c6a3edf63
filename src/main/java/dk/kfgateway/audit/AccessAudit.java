package dk.kfgateway.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dk.kfgateway.audit.AuditRecord.Outcome;
import dk.kfgateway.security.Caller;
import dk.kfgateway.security.TenantRules;
import dk.kfgateway.access.LabelFilter;
import dk.kfgateway.access.OwnedPages;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AuditEvent per request that reads citizen data or is refused, recorded on its own after the answer is known
 * (writes: {@link WriteAudit}). The gateway's own writes (the AuditEvents among them) have no caller and are never
 * audited here; an answered search or read of the audit trail itself is not audited either, but a refused request for
 * it is. The outcome follows the answer: {@code 0} success, {@code 4} (minor failure) for every 4xx answer (a refusal
 * by scope, access or rule, or a request the server cannot serve), {@code 8} (serious failure) for a 5xx one.
 */
@Interceptor
public class AccessAudit {

  private static final Logger LOG = LoggerFactory.getLogger(AccessAudit.class);

  private static final int NOT_MODIFIED = 304;

  private final AuditTrail trail;
  private final dk.kfgateway.access.Citizens citizens;

  public AccessAudit(AuditTrail trail, dk.kfgateway.access.Citizens citizens) {
    this.trail = trail;
    this.citizens = citizens;
  }

  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean read(RequestDetails request, ResponseDetails response) {
    Optional<RequestKind> kind = RequestKind.reading(request.getRestOperationType(), request.getRequestType())
        .or(() -> readOnlyBundle(request)).or(() -> operationWithoutRecordedWrites(request));
    Optional<Caller> caller = Caller.of(request);
    if (kind.isEmpty() || caller.isEmpty() || "AuditEvent".equals(request.getResourceName())) {
      return true;
    }
    AuditedResources shown = AuditedResources.shown(response.getResponseResource());
    List<IBaseResource> hidden = LabelFilter.hiddenIn(request);
    if (!shown.isEmpty() || !hidden.isEmpty() || isCaseType(request) || includes(request)) {
      AuditedResources all = AuditedResources.shown(response.getResponseResource());
      hidden.forEach(all::add);
      if (all.citizen() == null && response.getResponseResource() instanceof org.hl7.fhir.r4.model.Binary pdf) {
        citizens.of(pdf).ifPresent(all::addCitizen); // a PDF names its citizen through its document
      }
      long refusedEntries = refusedEntries(response.getResponseResource());
      String reason = hidden.isEmpty() && refusedEntries == 0 ? null
          : TenantRules.OWN_CASES_ONLY.display(hidden.size() + " resource(s) of other parties' cases left out of the"
              + " answer" + (refusedEntries == 0 ? "" : "; " + refusedEntries + " entries refused"));
      trail.recordIndependently(new AuditRecord(kind.get().action(), kind.get().subtype(),
          reason == null ? Outcome.SUCCESS : Outcome.DENIED, Writes.agent(caller.get()), all.citizen(), null,
          all.entities(), reason));
    }
    return true;
  }

  /** Before HAPI's ExceptionHandlingInterceptor (order 0), which writes the answer and ends the hook chain. */
  @Hook(value = Pointcut.SERVER_HANDLE_EXCEPTION, order = -10)
  public boolean refused(RequestDetails request, BaseServerResponseException exception) {
    Optional<Caller> caller = Caller.of(request);
    if (caller.isEmpty()) {
      return true;
    }
    RequestKind kind = RequestKind.of(request);
    List<IBaseResource> hidden = LabelFilter.hiddenIn(request);
    int status = exception.getStatusCode();
    if (status == NOT_MODIFIED) {
      notModified(request, kind, caller.get());
      return true;
    }
    boolean foreignPage = OwnedPages.refusedIn(request);
    Outcome outcome = status >= 500 ? Outcome.FAILED : Outcome.DENIED;
    AuditedResources concerned = AuditedResources.of(hidden);
    if (status != 404 && status != 410 && !(request.getResource() instanceof org.hl7.fhir.r4.model.Bundle)) {
      concerned.add(request.getResource()); // what a refused update of a known resource tried to change (SEC-010)
    }
    String reason = foreignPage ? TenantRules.OWN_CASES_ONLY.display(status + ": a page of another client's search")
        : hidden.isEmpty() ? status + ": " + exception.getMessage()
        : TenantRules.OWN_CASES_ONLY.display(status + ": not part of a case of " + caller.get().organization());
    try {
      trail.recordIndependently(new AuditRecord(kind.action(), kind.subtype(), outcome, Writes.agent(caller.get()),
          concerned.citizen(), null, concerned.entities(), truncate(reason)));
    } catch (RuntimeException e) {
      LOG.error("Could not audit a refused request ({})", kind.subtype(), e);
    }
    return true;
  }

  /**
   * A conditional read answered "not modified" (304) is a read that succeeded: the caller holds the current version.
   * HAPI answers it only after the resource was read and shown to the consent filter.
   */
  private void notModified(RequestDetails request, RequestKind kind, Caller caller) {
    if ("AuditEvent".equals(request.getResourceName()) || request.getId() == null || !request.getId().hasIdPart()) {
      return;
    }
    String read = request.getResourceName() + "/" + request.getId().getIdPart();
    try {
      trail.recordIndependently(new AuditRecord(kind.action(), kind.subtype(), Outcome.SUCCESS, Writes.agent(caller),
          null, null, List.of(read), "304: not modified since the version the client holds"));
    } catch (RuntimeException e) {
      LOG.error("Could not audit a conditional read ({})", kind.subtype(), e);
    }
  }

  /** A batch or transaction that wrote nothing (only GET entries) is audited like a read. */
  private static Optional<RequestKind> readOnlyBundle(RequestDetails request) {
    RestOperationTypeEnum operation = request.getRestOperationType();
    boolean bundle = operation == RestOperationTypeEnum.BATCH || operation == RestOperationTypeEnum.TRANSACTION;
    return bundle && !WriteAudit.wroteIn(request)
        ? Optional.of(RequestKind.of(operation, request.getRequestType()))
        : Optional.empty();
  }

  /**
   * An operation called with POST whose changes the gateway stored on its own behalf (e.g. the secretariat's
   * {@code $retry-delivery}) left no write record of the caller: it is audited like a read, naming what it answered.
   */
  private static Optional<RequestKind> operationWithoutRecordedWrites(RequestDetails request) {
    RestOperationTypeEnum operation = request.getRestOperationType();
    boolean extended = operation == RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE
        || operation == RestOperationTypeEnum.EXTENDED_OPERATION_TYPE
        || operation == RestOperationTypeEnum.EXTENDED_OPERATION_SERVER;
    return extended && !WriteAudit.wroteIn(request)
        ? Optional.of(RequestKind.of(operation, request.getRequestType()))
        : Optional.empty();
  }

  private static long refusedEntries(IBaseResource response) {
    return response instanceof org.hl7.fhir.r4.model.Bundle bundle ? bundle.getEntry().stream()
        .filter(e -> e.hasResponse() && e.getResponse().getStatus() != null
            && e.getResponse().getStatus().startsWith("4")).count() : 0;
  }

  private static boolean isCaseType(RequestDetails request) {
    return request.getResourceName() != null && AuditedResources.CASE_TYPES.contains(request.getResourceName());
  }

  /** A search that asks for other types alongside (which the filters may have removed) is audited too. */
  private static boolean includes(RequestDetails request) {
    return request.getParameters().keySet().stream().anyMatch(p -> p.startsWith("_include") || p.startsWith("_revinclude"));
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
  }
}
