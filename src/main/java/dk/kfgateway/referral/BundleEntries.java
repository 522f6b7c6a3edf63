package dk.kfgateway.referral;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * The resources of one Bundle, findable by the references between them. In a transaction the entries point to each
 * other by {@code fullUrl} ({@code urn:uuid:...}); a client may also use {@code Type/id} for an entry that carries an
 * id, so both are indexed. Nothing outside the Bundle is looked up here: that is the caller's business.
 */
final class BundleEntries {

  private final List<Resource> resources = new ArrayList<>();
  private final Map<String, Resource> byReference = new HashMap<>();
  private final Map<Resource, Integer> positions = new IdentityHashMap<>();
  private final Map<Resource, BundleEntryComponent> entryOf = new IdentityHashMap<>();

  BundleEntries(Bundle bundle) {
    List<BundleEntryComponent> entries = bundle.getEntry();
    for (int i = 0; i < entries.size(); i++) {
      BundleEntryComponent entry = entries.get(i);
      Resource resource = entry.getResource();
      if (resource == null) {
        continue;
      }
      resources.add(resource);
      positions.put(resource, i);
      entryOf.put(resource, entry);
      if (entry.hasFullUrl()) {
        byReference.putIfAbsent(entry.getFullUrl(), resource);
        relativeOf(entry.getFullUrl()).ifPresent(r -> byReference.putIfAbsent(r, resource));
      }
      if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
        byReference.putIfAbsent(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
      }
    }
  }

  /** The entry a reference ({@code urn:uuid:...}, {@code Type/id} or an absolute URL) points to, if in this Bundle. */
  Optional<Resource> resolve(String reference) {
    if (reference == null || reference.isBlank()) {
      return Optional.empty();
    }
    Resource exact = byReference.get(reference);
    if (exact != null) {
      return Optional.of(exact);
    }
    return relativeOf(reference).map(byReference::get);
  }

  <T extends Resource> List<T> all(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * The entry an attachment url names, only where what is stored keeps that name: an entry whose {@code fullUrl} is a
   * {@code urn:} (the server rewrites the url to the stored id) or one updated ({@code PUT}) under its own id. A created
   * entry with any other {@code fullUrl} is stored under a new id while the url stays as sent, so the url would name
   * something else than what was checked.
   */
  Optional<Resource> resolveUrl(String url) {
    return resolve(url).filter(resource -> {
      BundleEntryComponent entry = entryOf.get(resource);
      return entry.getFullUrl() != null && entry.getFullUrl().startsWith("urn:") && entry.getFullUrl().equals(url)
          || entry.getRequest().getMethod() == Bundle.HTTPVerb.PUT;
    });
  }

  /** Where a resource sits, as the location of a violation: {@code Bundle.entry[3].resource}. */
  String locationOf(Resource resource) {
    Integer index = positions.get(resource);
    return index == null ? "Bundle" : "Bundle.entry[" + index + "].resource";
  }

  /** {@code Type/id} of a RESTful reference or URL; empty for {@code urn:} references. */
  private static Optional<String> relativeOf(String reference) {
    if (reference.startsWith("urn:") || reference.startsWith("#")) {
      return Optional.empty();
    }
    IdType id = new IdType(reference);
    if (!id.hasResourceType() || !id.hasIdPart()) {
      return Optional.empty();
    }
    return Optional.of(id.getResourceType() + "/" + id.getIdPart());
  }
}
