package dk.kfgateway.security;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Tenant isolation on every way out of storage, through HAPI's {@code ConsentInterceptor}: a resource of another
 * party's case is left out before paging (search, {@code _include}, {@code _revinclude}, chained searches, history, the
 * next pages) and a read of it answers 404, so neither ids nor counts leak. HAPI leaves out {@code Bundle.total} while a
 * consent service filters a request. The decision is {@link TenantPolicy}'s; this class only adapts it.
 *
 * <p>Unrestricted clients (configuration, for test and migration tools) and the gateway's own calls are not filtered.
 */
public class TenantConsentService implements IConsentService {

  private static final Set<RestOperationTypeEnum> WRITES = Set.of(RestOperationTypeEnum.CREATE,
      RestOperationTypeEnum.UPDATE, RestOperationTypeEnum.PATCH, RestOperationTypeEnum.DELETE,
      RestOperationTypeEnum.TRANSACTION, RestOperationTypeEnum.BATCH);
  private static final String HIDDEN = TenantConsentService.class.getName() + ".hidden";

  private final TenantPolicy policy = new TenantPolicy();
  private final TenancyFacts facts;
  private final Set<String> unrestrictedClients;

  public TenantConsentService(TenancyFacts facts, Set<String> unrestrictedClients) {
    this.facts = facts;
    this.unrestrictedClients = Set.copyOf(unrestrictedClients);
  }

  @Override
  public ConsentOutcome startOperation(RequestDetails request, IConsentContextServices services) {
    return Caller.of(request).filter(c -> !unrestrictedClients.contains(c.clientId())).isPresent()
        ? ConsentOutcome.PROCEED
        : ConsentOutcome.AUTHORIZED;
  }

  @Override
  public ConsentOutcome canSeeResource(
      RequestDetails request, IBaseResource resource, IConsentContextServices services) {
    Caller caller = Caller.of(request).orElse(null);
    if (caller == null || unrestrictedClients.contains(caller.clientId())) {
      return ConsentOutcome.PROCEED;
    }
    if (WRITES.contains(request.getRestOperationType())) {
      // HAPI asks while storing each resource of a write, whether to return it: the writer sees what it wrote, which
      // TenantWriteGuard has checked. Looking up cases in the middle of a transaction would also disturb it.
      return ConsentOutcome.PROCEED;
    }
    if (policy.maySee(caller, resource, facts).isAllowed()) {
      return ConsentOutcome.PROCEED;
    }
    hiddenIn(request).add(resource);
    return ConsentOutcome.REJECT;
  }

  /** The resources hidden from this request so far (for its audit record). */
  @SuppressWarnings("unchecked")
  public static List<IBaseResource> hiddenIn(RequestDetails request) {
    return (List<IBaseResource>) request.getUserData().computeIfAbsent(HIDDEN, k -> new ArrayList<IBaseResource>());
  }
}
