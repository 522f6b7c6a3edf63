package dk.kfgateway.access;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import dk.kfgateway.security.Caller;
import dk.kfgateway.security.PartyRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The second line behind {@link SearchNarrowing}, through HAPI's {@code ConsentInterceptor}: whatever leaves storage
 * for a restricted caller (a read, an include, a page, a transaction's answer) must carry the caller's organisation's
 * access label, read from the resource itself, and what a clinic sees by a consent only while that consent holds now
 * ({@link Visibility}). What is left out is remembered for the request's audit record; a read of it answers 404 like
 * an unknown id. The labels themselves are taken off before anything is shown. The audit trail (AuditEvent,
 * Provenance) is the administrator's only.
 */
public class LabelFilter implements IConsentService {

  /** Visible to the administrator only. */
  public static final Set<String> ADMINISTRATOR_TYPES = Set.of("AuditEvent", "Provenance");

  private static final Set<RestOperationTypeEnum> WRITES = Set.of(RestOperationTypeEnum.CREATE,
      RestOperationTypeEnum.UPDATE, RestOperationTypeEnum.PATCH, RestOperationTypeEnum.DELETE,
      RestOperationTypeEnum.TRANSACTION, RestOperationTypeEnum.BATCH);
  private static final String HIDDEN = LabelFilter.class.getName() + ".hidden";

  private final RestrictedCallers callers;
  private final Visibility visibility;

  LabelFilter(RestrictedCallers callers, Visibility visibility) {
    this.callers = callers;
    this.visibility = visibility;
  }

  @Override
  public ConsentOutcome startOperation(RequestDetails request, IConsentContextServices services) {
    return callers.of(request).isPresent() ? ConsentOutcome.PROCEED : ConsentOutcome.AUTHORIZED;
  }

  @Override
  public ConsentOutcome canSeeResource(
      RequestDetails request, IBaseResource resource, IConsentContextServices services) {
    // While a write is stored, HAPI asks about what it matches (the citizen of a referral): the answer is filtered as
    // it goes out instead, when the write's labels are in place.
    return WRITES.contains(request.getRestOperationType()) ? ConsentOutcome.PROCEED : decide(request, resource);
  }

  @Override
  public ConsentOutcome willSeeResource(
      RequestDetails request, IBaseResource resource, IConsentContextServices services) {
    if (isCitizenMatchedByAReferral(request, resource)) {
      // A referral's conditional create by CPR asks about the citizen it matches while the transaction is stored.
      // Hidden, the match would fail as a second citizen with the same CPR (409): an answer telling whether another
      // party knows the CPR. The posting municipality becomes a party of the citizen by its referral (README "One
      // citizen, several municipalities"); the answer is filtered as it goes out, outside the database transaction.
      return ConsentOutcome.PROCEED;
    }
    ConsentOutcome outcome = decide(request, resource);
    AccessLabels.strip(resource);
    return outcome;
  }

  private ConsentOutcome decide(RequestDetails request, IBaseResource resource) {
    Caller caller = callers.of(request).orElse(null);
    if (caller == null || visibility.sees(caller, resource, request)) {
      return ConsentOutcome.PROCEED;
    }
    hiddenIn(request).add(resource);
    return ConsentOutcome.REJECT;
  }

  private static boolean isCitizenMatchedByAReferral(RequestDetails request, IBaseResource resource) {
    return request.getRestOperationType() == RestOperationTypeEnum.TRANSACTION && resource instanceof Patient
        && TransactionSynchronizationManager.isActualTransactionActive();
  }

  /** Whether a caller may see this resource by its labels alone (and the audit trail by role). */
  public static boolean sees(Caller caller, IBaseResource resource) {
    if (ADMINISTRATOR_TYPES.contains(resource.fhirType())) {
      return caller.role() == PartyRole.ADMINISTRATOR;
    }
    return AccessLabels.grants(resource, caller.organization());
  }

  /** The resources left out of this request's answer so far (for its audit record). */
  @SuppressWarnings("unchecked")
  public static List<IBaseResource> hiddenIn(RequestDetails request) {
    return (List<IBaseResource>) request.getUserData().computeIfAbsent(HIDDEN, k -> new ArrayList<IBaseResource>());
  }
}
