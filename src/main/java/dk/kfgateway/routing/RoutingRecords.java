package dk.kfgateway.routing;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dk.kfgateway.facts.CaseFacts;
import dk.kfgateway.ig.Ig;
import dk.kfgateway.routing.ResultRouting.GpClinic;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/** What the routing needs from storage, read through the request's {@link CaseFacts}. */
class RoutingRecords {

  private final CaseFacts facts;

  RoutingRecords(CaseFacts facts) {
    this.facts = facts;
  }

  <T extends IBaseResource> Optional<T> read(Reference reference, Class<T> type) {
    return reference == null || !reference.hasReference() ? Optional.empty()
        : facts.read(reference.getReference(), type);
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
