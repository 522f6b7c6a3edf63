package dk.kfgateway.routing;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dk.kfgateway.ig.Ig;
import dk.kfgateway.routing.ResultRouting.GpClinic;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/** Reads what the routing needs from storage, as the gateway (inside the caller's transaction when there is one). */
class RoutingRecords {

  private final DaoRegistry daos;

  RoutingRecords(DaoRegistry daos) {
    this.daos = daos;
  }

  <T extends IBaseResource> Optional<T> read(Reference reference, Class<T> type) {
    if (reference == null || !reference.hasReference()) {
      return Optional.empty();
    }
    IdType id = new IdType(reference.getReference()).toUnqualifiedVersionless();
    if (!type.getSimpleName().equals(id.getResourceType())) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(daos.getResourceDao(type).read(id, new SystemRequestDetails()));
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      return Optional.empty();
    }
  }

  <T extends IBaseResource> T read(String reference, Class<T> type) {
    return read(new Reference(reference), type)
        .orElseThrow(() -> new ResourceNotFoundException(new IdType(reference)));
  }

  /** The citizen's GP clinic: the first Organization in Patient.generalPractitioner. */
  Optional<Organization> gpOf(Patient patient) {
    return patient.getGeneralPractitioner().stream()
        .filter(r -> r.getReference() != null && r.getReference().startsWith("Organization/"))
        .findFirst().flatMap(r -> read(r, Organization.class));
  }

  static GpClinic clinic(Organization gp) {
    return new GpClinic("Organization/" + gp.getIdElement().getIdPart(), identifier(gp, Ig.SOR),
        identifier(gp, Ig.YDERNUMMER));
  }

  static String identifier(Organization organization, String system) {
    return organization.getIdentifier().stream().filter(i -> system.equals(i.getSystem()) && i.hasValue())
        .map(Identifier::getValue).findFirst().orElse(null);
  }
}
