package dk.kfgateway.access;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import dk.kfgateway.security.Caller;
import dk.kfgateway.security.PartyRole;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Whether a caller may see a resource at this moment: its access labels, and for what a clinic sees by a consent (the
 * citizen, the documents, their Binaries) whether that consent still holds now (guide pkt. 13; bkg 2019 §3).
 *
 * <p>The labels are current as of the last write of the case ({@link LabelMaintenance}). A consent whose period runs
 * out changes nothing in storage, so its clinic's labels come off only with the next expiry sweep
 * ({@code gateway.consent.expiry-check}); a read must not wait for that. Relabelling the citizen at read time would
 * write (and ought to hold the open tasks, as the sweep does) inside a read; instead, when the citizen has an active
 * consent whose period has ended, the labels {@link AccessLabelPolicy} gives the case file now are computed, without
 * writing, and decide. This is asked only for the clinic's callers (the one party whose view of a case depends on a
 * consent) and costs one indexed query per citizen and request while no consent has run out: the same policy, and
 * so the same answer the sweep will write.
 */
public class Visibility {

  private static final Set<String> RELEASED_BY_CONSENT = Set.of("Patient", "DocumentReference", "Binary");
  private static final Set<PartyRole> RELEASED_TO = Set.of(PartyRole.CLINIC, PartyRole.SECRETARIAT);
  private static final String NOW = Visibility.class.getName() + ".labelsNow";

  private final Labeller labeller;
  private final CaseFiles files;
  private final Clock clock;

  Visibility(Labeller labeller, CaseFiles files, Clock clock) {
    this.labeller = labeller;
    this.files = files;
    this.clock = clock;
  }

  /** By the resource's labels, and for the clinic by the consents of the citizen as they hold now. */
  public boolean sees(Caller caller, IBaseResource resource, RequestDetails request) {
    if (!LabelFilter.sees(caller, resource)) {
      return false;
    }
    if (!RELEASED_TO.contains(caller.role()) || !RELEASED_BY_CONSENT.contains(resource.fhirType())) {
      return true;
    }
    Optional<String> citizen = files.citizenOf(resource, new SystemRequestDetails());
    Map<String, Set<String>> now = citizen.flatMap(c -> labelsNow(c, request)).orElse(Map.of());
    String id = AccessLabelPolicy.id(resource);
    return !now.containsKey(id) || now.get(id).contains(AccessLabels.code(caller.organization()));
  }

  /** The labels of the citizen's case file now, when a consent of it has run out; once per citizen and request. */
  @SuppressWarnings("unchecked")
  private Optional<Map<String, Set<String>>> labelsNow(String citizen, RequestDetails request) {
    Map<String, Optional<Map<String, Set<String>>>> known = (Map<String, Optional<Map<String, Set<String>>>>)
        request.getUserData().computeIfAbsent(NOW, k -> new HashMap<>());
    return known.computeIfAbsent(citizen, c -> files.hasLapsedConsent(c, clock.instant(), new SystemRequestDetails())
        ? Optional.of(labeller.labelsNow(c)) : Optional.empty());
  }
}
