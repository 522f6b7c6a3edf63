package dk.kfgateway.access;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Which citizen a piece of case data belongs to, looked up as the gateway: also for a Binary, through the document
 * its security context names (the audit of a released PDF names the citizen).
 */
public final class Citizens {

  private final CaseFiles files;

  Citizens(DaoRegistry daos) {
    this.files = new CaseFiles(daos);
  }

  /** {@code Patient/<id>}, or empty when the resource belongs to no citizen. */
  public Optional<String> of(IBaseResource resource) {
    return files.citizenOf(resource, new SystemRequestDetails());
  }
}
