package dk.kfgateway.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import dk.kfgateway.access.LabelFilter;
import dk.kfgateway.rules.Verdict;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Tenant isolation where HAPI's consent filter does not look: operations on one instance ({@code Task/1/$meta}, which
 * the ConsentInterceptor skips, the gateway's own {@code $x}), tag reads, and updates, patches and deletes of one
 * instance. Another party's instance answers 404 like an unknown id, as a read does (the audit record names SEC-004),
 * and an update of an unknown id creates nothing: it answers the same 404. Also exempts the unrestricted clients from every consent filter.
 */
@Interceptor
public class InstanceAccessGuard {

  private static final Set<RestOperationTypeEnum> ON_INSTANCE = Set.of(RestOperationTypeEnum.META,
      RestOperationTypeEnum.GET_TAGS, RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE, RestOperationTypeEnum.UPDATE,
      RestOperationTypeEnum.PATCH, RestOperationTypeEnum.DELETE);

  private final TenantPolicy policy = new TenantPolicy();
  private final DaoRegistry daos;
  private final TenancyFacts facts;
  private final Set<String> unrestrictedClients;

  public InstanceAccessGuard(DaoRegistry daos, TenancyFacts facts, Set<String> unrestrictedClients) {
    this.daos = daos;
    this.facts = facts;
    this.unrestrictedClients = Set.copyOf(unrestrictedClients);
  }

  /** After the caller is known (CallerInterceptor, order 0), before the consent filters start (pre-handled). */
  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = 10)
  public void exemptUnrestricted(RequestDetails request) {
    if (Caller.of(request).filter(c -> unrestrictedClients.contains(c.clientId())).isPresent()) {
      ConsentInterceptor.skipAllConsentForRequest(request);
    }
  }

  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = ScopeInterceptor.ORDER + 1)
  public void check(RequestDetails request, RestOperationTypeEnum operation) {
    Caller caller = Caller.of(request).orElse(null);
    if (caller == null || unrestrictedClients.contains(caller.clientId()) || !ON_INSTANCE.contains(operation)
        || request.getId() == null || !request.getId().hasIdPart() || request.getResourceName() == null) {
      return;
    }
    IBaseResource stored;
    try {
      stored = daos.getResourceDao(request.getResourceName())
          .read(request.getId().toUnqualifiedVersionless(), new SystemRequestDetails());
    } catch (BaseServerResponseException e) {
      // Nothing is created by an update of an unknown id, and it answers as a hidden one does.
      throw notFound(request, null);
    }
    Verdict verdict = policy.maySee(caller, stored);
    if (!verdict.isAllowed()) {
      LabelFilter.hiddenIn(request).add(stored);
      throw notFound(request, verdict);
    }
  }

  /** Worded like HAPI's answer for an id that does not exist, so the answer tells nothing; the audit says why. */
  private static ResourceNotFoundException notFound(RequestDetails request, Verdict verdict) {
    return new ResourceNotFoundException(request.getId().toUnqualifiedVersionless());
  }
}
