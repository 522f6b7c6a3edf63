package dk.kfgateway.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import dk.kfgateway.access.BinaryContext;
import dk.kfgateway.access.Labeller;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.pipeline.Step;
import dk.kfgateway.pipeline.Write;
import dk.kfgateway.pipeline.WriteStep;
import dk.kfgateway.rules.Verdict;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;

/**
 * Nobody writes on behalf of another organisation, nor changes or deletes another party's case data: checked on
 * every write (pipeline.WriteOrder), so single writes, transactions, conditional creates/updates/deletes and patches
 * are all covered
 * (403, SEC-004/SEC-005/SEC-006), and a citizen shared by several parties' cases is changed by none of them alone
 * (SEC-010). Task moves are the workflow's check (WF-013); the gateway's own writes have no
 * caller and pass.
 */
public class TenantWriteGuard implements WriteStep {

  private final TenantPolicy policy = new TenantPolicy();
  private final TenancyFacts facts;
  private final Set<String> unrestrictedClients;

  public TenantWriteGuard(TenancyFacts facts, Set<String> unrestrictedClients) {
    this.facts = facts;
    this.unrestrictedClients = Set.copyOf(unrestrictedClients);
  }

  @Override
  public Step step() {
    return Step.TENANT_WRITE;
  }

  @Override
  public void apply(Write write) {
    switch (write.phase()) {
      case CREATE -> create(write.resource(), write.request());
      case UPDATE -> update(write.previous(), write.resource(), write.request());
      case DELETE -> delete(write.resource(), write.request());
      default -> { }
    }
  }

  private void create(IBaseResource resource, RequestDetails request) {
    caller(request).ifPresent(caller -> {
      Verdict verdict = policy.mayWrite(caller, resource, facts, true)
          .and(policy.carriesItsCitizensCpr(caller, resource, facts));
      if (resource instanceof Binary binary) {
        verdict = verdict.and(policy.binaryNamesItsCase(binary, reference -> typeOf(reference, request)));
      }
      Refusals.enforce(verdict);
    });
  }

  /** The type a reference names: {@code Type/id}, or the entry of this transaction a {@code urn:uuid:} names. */
  private static Optional<String> typeOf(String reference, RequestDetails request) {
    return reference.startsWith("urn:") ? BinaryContext.typeOfEntry(request, reference) : Optional.ofNullable(new IdType(reference).getResourceType());
  }

  private void update(IBaseResource previous, IBaseResource updated, RequestDetails request) {
    if (previous instanceof Task || Labeller.isLabelling(request)) {
      return;
    }
    caller(request).ifPresent(caller -> {
      Verdict verdict = policy.maySee(caller, previous).and(policy.mayWrite(caller, updated, facts, false))
          .and(policy.keepsItsTies(caller, previous, updated));
      if (verdict.isAllowed() && previous instanceof Patient citizen) {
        verdict = policy.mayChangeCitizen(caller, citizen, facts);
      }
      if (verdict.isAllowed() && previous instanceof DocumentReference document) {
        verdict = policy.mayWrite(caller, document, facts, false); // only its custodian or author changes a document
      }
      Refusals.enforce(verdict);
    });
  }

  private void delete(IBaseResource resource, RequestDetails request) {
    caller(request).ifPresent(caller -> Refusals.enforce(policy.maySee(caller, resource)));
  }

  private Optional<Caller> caller(RequestDetails request) {
    return Caller.of(request).filter(c -> !unrestrictedClients.contains(c.clientId()));
  }
}
