package dk.kfgateway.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dk.kfgateway.access.Labeller;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.rules.Verdict;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;

/**
 * Nobody writes on behalf of another organisation, nor changes or deletes another party's case data: checked on the
 * storage hooks, so single writes, transactions, conditional creates/updates/deletes and patches are all covered
 * (403, SEC-004/SEC-005/SEC-006), and a citizen shared by several parties' cases is changed by none of them alone
 * (SEC-010). Task moves are the workflow's check (WF-013); the gateway's own writes have no
 * caller and pass.
 */
@Interceptor
public class TenantWriteGuard {

  private final TenantPolicy policy = new TenantPolicy();
  private final TenancyFacts facts;
  private final Set<String> unrestrictedClients;

  public TenantWriteGuard(TenancyFacts facts, Set<String> unrestrictedClients) {
    this.facts = facts;
    this.unrestrictedClients = Set.copyOf(unrestrictedClients);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void create(IBaseResource resource, RequestDetails request) {
    caller(request).ifPresent(caller -> Refusals.enforce(policy.mayWrite(caller, resource, facts, true)));
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void update(IBaseResource previous, IBaseResource updated, RequestDetails request) {
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

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
  public void delete(IBaseResource resource, RequestDetails request) {
    caller(request).ifPresent(caller -> Refusals.enforce(policy.maySee(caller, resource)));
  }

  private Optional<Caller> caller(RequestDetails request) {
    return Caller.of(request).filter(c -> !unrestrictedClients.contains(c.clientId()));
  }
}
