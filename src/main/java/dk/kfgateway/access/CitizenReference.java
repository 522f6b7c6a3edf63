package dk.kfgateway.access;

import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/** The element of a case resource that names its citizen (Task.for, ServiceRequest.subject, Consent.patient, ...). */
public final class CitizenReference {

  private CitizenReference() {}

  public static Optional<Reference> of(IBaseResource resource) {
    Reference reference = null;
    if (resource instanceof Task task) {
      reference = task.getFor();
    } else if (resource instanceof ServiceRequest request) {
      reference = request.getSubject();
    } else if (resource instanceof Consent consent) {
      reference = consent.getPatient();
    } else if (resource instanceof DocumentReference document) {
      reference = document.getSubject();
    } else if (resource instanceof Communication communication) {
      reference = communication.getSubject();
    }
    return Optional.ofNullable(reference);
  }

  /** Where that element is, for an OperationOutcome ({@code Consent.patient}). */
  public static String path(IBaseResource resource) {
    return resource.fhirType() + "." + switch (resource.fhirType()) {
      case "Task" -> "for";
      case "Consent" -> "patient";
      default -> "subject";
    };
  }

  /** A reference with no identifier, or with one of the Patient's own (its CPR): never another citizen's. */
  public static boolean carriesOwnIdentifier(Reference reference, Patient citizen) {
    return !reference.hasIdentifier() || citizen.getIdentifier().stream().anyMatch(i ->
        java.util.Objects.equals(i.getSystem(), reference.getIdentifier().getSystem())
            && java.util.Objects.equals(i.getValue(), reference.getIdentifier().getValue()));
  }
}
