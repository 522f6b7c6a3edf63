package dk.kfgateway.consent;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import dk.kfgateway.security.Caller;
import dk.kfgateway.security.PartyRole;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The health documents (DocumentReference, Binary) and the identity (Patient) of a citizen are released to Klinisk
 * Funktion (its EHR and secretariat) only while the citizen's consent names the clinic (guide pkt. 13, bkg 2019 §3).
 * Decided in {@code canSeeResource}, before paging, so read (404), search, includes, history and every page are
 * filtered alike; one decision per citizen and request, and one AuditEvent per citizen and request, permit or deny.
 * Other callers pass untouched here ({@code AUTHORIZED} for this interceptor only): their access is security's.
 */
class CaseReleaseConsentService implements IConsentService {

  private static final String STATE = CaseReleaseConsentService.class.getName();

  private final ConsentDecisions decisions;
  private final CitizenOf citizens;
  private final ConsentAudit audit;
  private final Clock clock;

  CaseReleaseConsentService(ConsentDecisions decisions, CitizenOf citizens, ConsentAudit audit, Clock clock) {
    this.decisions = decisions;
    this.citizens = citizens;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public ConsentOutcome startOperation(RequestDetails request, IConsentContextServices services) {
    Optional<Caller> caller = Caller.of(request)
        .filter(c -> c.role() == PartyRole.CLINIC || c.role() == PartyRole.SECRETARIAT);
    if (caller.isEmpty()) {
      return ConsentOutcome.AUTHORIZED;
    }
    request.getUserData().put(STATE, new Released(caller.get()));
    return ConsentOutcome.PROCEED;
  }

  @Override
  public boolean shouldProcessCanSeeResource(RequestDetails request, IConsentContextServices services) {
    return request.getUserData().get(STATE) != null;
  }

  @Override
  public ConsentOutcome canSeeResource(RequestDetails request, IBaseResource resource, IConsentContextServices s) {
    if (!(request.getUserData().get(STATE) instanceof Released released)) {
      return ConsentOutcome.PROCEED;
    }
    Optional<String> citizen = citizens.of(resource);
    if (citizen.isEmpty()) {
      return ConsentOutcome.PROCEED;
    }
    Caller caller = released.caller;
    Decided decided = released.decided.computeIfAbsent(citizen.get(), patient -> new Decided(decisions.decide(
        new ConsentQuestion(patient, caller.organization(), caller.practitionerRole(),
            ConsentCodes.INFORMATION_EXCHANGE, clock.instant()))));
    decided.cover(resource.getIdElement().toUnqualifiedVersionless().getValue());
    return decided.decision.permit() ? ConsentOutcome.PROCEED : ConsentOutcome.REJECT;
  }

  @Override
  public void completeOperationSuccess(RequestDetails request, IConsentContextServices services) {
    recordDecisions(request);
  }

  @Override
  public void completeOperationFailure(
      RequestDetails request, BaseServerResponseException exception, IConsentContextServices services) {
    recordDecisions(request);
  }

  /**
   * One AuditEvent per citizen whose resources this request touched: the decision, and what it covered. Called before
   * the answer goes out (see {@link CaseReleaseAudit}), so that the trail is complete when the caller has the answer;
   * HAPI's completion callbacks come after it and find nothing left to record.
   */
  void recordDecisions(RequestDetails request) {
    if (!(request.getUserData().remove(STATE) instanceof Released released)) {
      return;
    }
    released.decided.forEach((patient, decided) -> {
      String covered = (decided.decision.permit() ? "released " : "withheld ") + decided.count + " resource(s) on "
          + request.getRequestPath() + ". ";
      audit.decision(ConsentAudit.agent(released.caller), patient,
          new ConsentDecision(decided.decision.permit(),
              java.util.stream.Stream.concat(java.util.stream.Stream.of(covered), decided.decision.reasons().stream())
                  .toList(),
              decided.decision.consent(), decided.decision.rule()),
          decided.entities);
    });
  }

  private static final class Released {
    final Caller caller;
    final Map<String, Decided> decided = new LinkedHashMap<>();

    Released(Caller caller) {
      this.caller = caller;
    }
  }

  private static final class Decided {
    final ConsentDecision decision;
    final java.util.List<String> entities = new java.util.ArrayList<>();
    int count;

    Decided(ConsentDecision decision) {
      this.decision = decision;
    }

    /** Counts every resource; names at most 20 in the audit record, so a long search does not explode it. */
    void cover(String id) {
      count++;
      if (entities.size() < 20 && !entities.contains(id)) {
        entities.add(id);
      }
    }
  }
}
