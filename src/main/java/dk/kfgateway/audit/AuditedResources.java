package dk.kfgateway.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Which citizens and which case data a request touched, from the resources it read or wrote: the lines "which
 * citizen" and "what" of an audit record. Pure.
 */
final class AuditedResources {

  /** Citizen data and what is charged for it; reading or changing it is audited. */
  static final Set<String> CASE_TYPES = Set.of("Patient", "ServiceRequest", "Task", "Consent", "DocumentReference",
      "Binary", "Communication", "ChargeItem", "Invoice");

  private final Set<String> citizens = new LinkedHashSet<>();
  private final Set<String> entities = new LinkedHashSet<>();

  /**
   * The case data in a response: the resource itself, or a Bundle's entries, also those of the Bundles nested in it
   * (the answer of a batch carries a searchset for each of its searches).
   */
  static AuditedResources shown(IBaseResource response) {
    AuditedResources audited = new AuditedResources();
    audited.addShown(response);
    return audited;
  }

  private void addShown(IBaseResource response) {
    if (response instanceof Bundle bundle) {
      bundle.getEntry().forEach(e -> addShown(e.getResource()));
    } else {
      add(response);
    }
  }

  static AuditedResources of(Collection<? extends IBaseResource> resources) {
    AuditedResources audited = new AuditedResources();
    resources.forEach(audited::add);
    return audited;
  }

  void add(IBaseResource resource) {
    if (resource == null || !CASE_TYPES.contains(resource.fhirType()) || resource.getIdElement().getIdPart() == null) {
      return;
    }
    String id = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    if ("Patient".equals(resource.fhirType())) {
      citizens.add(id);
    } else {
      entities.add(id);
      citizen(resource).map(Reference::getReference).filter(r -> r != null && r.startsWith("Patient/"))
          .ifPresent(citizens::add);
    }
  }

  void addCitizen(String patient) {
    citizens.add(patient);
  }

  boolean isEmpty() {
    return citizens.isEmpty() && entities.isEmpty();
  }

  /** The first citizen: the record's "which citizen". */
  String citizen() {
    return citizens.stream().findFirst().orElse(null);
  }

  /** Further citizens, then the other resources. */
  List<String> entities() {
    List<String> all = new ArrayList<>(citizens);
    if (!all.isEmpty()) {
      all.remove(0);
    }
    all.addAll(entities);
    return all;
  }

  private static java.util.Optional<Reference> citizen(IBaseResource resource) {
    return dk.kfgateway.access.CitizenReference.of(resource);
  }

}
