package dk.kfgateway.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dk.kfgateway.fhir.IgInstaller;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo organisations (three municipalities, Klinisk Funktion in Region Sjælland, two GP clinics), people, fictional
 * citizens (CPR numbers of people born 2030-2033, who cannot exist) and five referrals in different states, so that a
 * new user can try the API at once. One transaction of PUTs with fixed ids, of the resources not yet there: loading
 * twice changes nothing, and what a user did with the demo cases survives a restart.
 */
@Component
@ConditionalOnProperty(name = "gateway.demo.enabled", havingValue = "true", matchIfMissing = true)
public class DemoData {

  /**
   * After the IG install (the demo resources claim its profiles); the order between the two is left free for work that
   * must see the started gateway before its demo data (the readiness test).
   */
  public static final int ORDER = IgInstaller.ORDER + 2;

  static final String RESOURCE = "/demo/demo-data.json";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final FhirContext fhirContext;
  private final IFhirSystemDao<Bundle, Meta> systemDao;
  private final DaoRegistry daos;
  private volatile boolean stored;

  public DemoData(FhirContext fhirContext, IFhirSystemDao<Bundle, Meta> systemDao, DaoRegistry daos) {
    this.fhirContext = fhirContext;
    this.systemDao = systemDao;
    this.daos = daos;
  }

  @Order(ORDER)
  @EventListener(ApplicationReadyEvent.class)
  public void load() {
    Bundle missing = bundle();
    missing.getEntry().removeIf(entry -> exists(entry.getResource()));
    if (!missing.getEntry().isEmpty()) {
      systemDao.transaction(new SystemRequestDetails(), missing);
    }
    log.info("Demo data: {} resources stored, the others were there already", missing.getEntry().size());
    stored = true;
  }

  /** Whether the demo data is in place on this start (readiness waits for it). */
  public boolean stored() {
    return stored;
  }

  private boolean exists(Resource resource) {
    try {
      daos.getResourceDao(resource.fhirType()).read(resource.getIdElement().toUnqualifiedVersionless(),
          new SystemRequestDetails());
      return true;
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      return false;
    }
  }

  Bundle bundle() {
    try (InputStream in = DemoData.class.getResourceAsStream(RESOURCE)) {
      return fhirContext.newJsonParser().parseResource(Bundle.class, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
