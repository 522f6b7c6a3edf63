package dk.kfgateway.access;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import dk.kfgateway.consent.ArrivingConsentRelease;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The access labels of a citizen a transaction creates, and of its case file, known before anything is stored. Such
 * a file is exactly what the transaction carries (a referral of a new CPR), so {@link AccessLabelPolicy} labels it by
 * the entries' {@code fullUrl}s, with the consent decision over the consents that arrive with it. Each entry is then
 * stored with its labels, and the relabelling before commit ({@link LabelMaintenance}) finds nothing to change,
 * instead of writing the labels of every resource a second time ({@code $meta-add}: ~15 % of a referral's intake).
 *
 * <p>That relabelling stays the authority, in the same transaction: where the forecast is wrong (the conditional create
 * matched a citizen stored before, whose file holds more), it corrects the labels before anything commits.
 */
final class LabelForecast {

  private static final String FORECAST = LabelForecast.class.getName();

  private final AccessLabelPolicy policy = new AccessLabelPolicy();
  private final Function<String, Optional<String>> organisationOf;
  private final ArrivingConsentRelease release;

  LabelForecast(Function<String, Optional<String>> organisationOf, ArrivingConsentRelease release) {
    this.organisationOf = organisationOf;
    this.release = release;
  }

  /** The labels forecast for a resource of the request's transaction as it is created; empty for any other. */
  @SuppressWarnings("unchecked")
  Set<String> of(IBaseResource resource, RequestDetails request) {
    Map<IBaseResource, Set<String>> forecast = (Map<IBaseResource, Set<String>>) request.getUserData()
        .computeIfAbsent(FORECAST, k -> BinaryContext.transactionOf(request).map(this::forecast).orElse(Map.of()));
    return forecast.getOrDefault(resource, Set.of());
  }

  /** The labels of each created citizen's file in the Bundle, by the entry's resource (the object HAPI stores). */
  Map<IBaseResource, Set<String>> forecast(Bundle bundle) {
    Map<IBaseResource, String> fullUrls = new IdentityHashMap<>();
    bundle.getEntry().stream().filter(e -> e.hasResource() && e.hasFullUrl() && e.getFullUrl().startsWith("urn:")
        && e.getRequest().getMethod() == Bundle.HTTPVerb.POST).forEach(e -> fullUrls.put(e.getResource(), e.getFullUrl()));
    Map<String, IBaseResource> byUrl = new java.util.HashMap<>();
    fullUrls.forEach((resource, url) -> byUrl.put(url, resource));
    Map<IBaseResource, Set<String>> forecast = new IdentityHashMap<>();
    fullUrls.forEach((resource, fullUrl) -> {
      if (resource instanceof Patient citizen) {
        forecastFile(citizen, fullUrl, fullUrls, byUrl, forecast);
      }
    });
    return forecast;
  }

  private void forecastFile(Patient citizen, String citizenUrl, Map<IBaseResource, String> fullUrls,
      Map<String, IBaseResource> byUrl, Map<IBaseResource, Set<String>> forecast) {
    List<IBaseResource> own = fullUrls.keySet().stream().filter(r -> CitizenReference.of(r)
        .map(Reference::getReference).filter(citizenUrl::equals).isPresent()).toList();
    Set<String> ownUrls = own.stream().map(fullUrls::get).collect(java.util.stream.Collectors.toSet());
    List<Binary> binaries = fullUrls.keySet().stream().filter(Binary.class::isInstance).map(Binary.class::cast)
        .filter(b -> ownUrls.contains(b.getSecurityContext().getReference())).toList();
    CaseFile file = new CaseFile(citizen, only(own, Task.class), only(own, ServiceRequest.class), only(own, Consent.class),
        only(own, DocumentReference.class), binaries, only(own, Communication.class));
    policy.labels(file, fullUrls::get, organisationOf, consentWithin(file, fullUrls::get, release))
        .forEach((url, labels) -> forecast.put(byUrl.get(url), labels));
  }

  /**
   * Whether a task's consent holds, in a file that holds every consent of its citizen: the file of a citizen this
   * write creates. The decision of {@link ArrivingConsentRelease}, over the file's consents and the task's referral.
   */
  static Predicate<Task> consentWithin(CaseFile file, Function<IBaseResource, String> idOf,
      ArrivingConsentRelease release) {
    return task -> file.requests().stream().filter(r -> idOf.apply(r).equals(task.getFocus().getReference()))
        .findFirst().map(referral -> release.releases(task, referral, file.consents())).orElse(false);
  }

  private static <T> List<T> only(List<IBaseResource> resources, Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
