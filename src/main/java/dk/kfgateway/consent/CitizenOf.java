package dk.kfgateway.consent;

import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * Whose health information a resource is: a Patient is the citizen's identity, a DocumentReference belongs to its
 * subject, a Binary to its {@code securityContext} (the Patient, or the DocumentReference it is the content of). Other
 * resources are not released under consent here.
 */
class CitizenOf {

  private final CaseRecords records;

  CitizenOf(CaseRecords records) {
    this.records = records;
  }

  Optional<String> of(IBaseResource resource) {
    if (resource instanceof Patient patient) {
      return Optional.of("Patient/" + patient.getIdElement().getIdPart());
    }
    if (resource instanceof DocumentReference document) {
      return patientOf(document.getSubject());
    }
    if (resource instanceof Binary binary && binary.hasSecurityContext()) {
      String context = binary.getSecurityContext().getReference();
      if (context != null && context.startsWith("DocumentReference/")) {
        return records.read(context, DocumentReference.class).flatMap(d -> patientOf(d.getSubject()));
      }
      return patientOf(binary.getSecurityContext());
    }
    return Optional.empty();
  }

  private static Optional<String> patientOf(Reference reference) {
    if (reference == null || !reference.hasReference() || !reference.getReference().startsWith("Patient/")) {
      return Optional.empty();
    }
    return Optional.of(reference.getReferenceElement().toUnqualifiedVersionless().getValue());
  }
}
