package dk.kfgateway.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import dk.kfgateway.fhir.IgInstaller;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
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
 * new user can try the API at once. One transaction of PUTs with fixed ids: loading twice changes nothing.
 */
@Component
@ConditionalOnProperty(name = "gateway.demo.enabled", havingValue = "true", matchIfMissing = true)
public class DemoData {

  static final String RESOURCE = "/demo/demo-data.json";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final FhirContext fhirContext;
  private final IFhirSystemDao<Bundle, Meta> systemDao;

  public DemoData(FhirContext fhirContext, IFhirSystemDao<Bundle, Meta> systemDao) {
    this.fhirContext = fhirContext;
    this.systemDao = systemDao;
  }

  @Order(IgInstaller.ORDER + 1)
  @EventListener(ApplicationReadyEvent.class)
  public void load() {
    Bundle response = systemDao.transaction(new SystemRequestDetails(), bundle());
    log.info("Demo data loaded: {} resources (created or unchanged)", response.getEntry().size());
  }

  Bundle bundle() {
    try (InputStream in = DemoData.class.getResourceAsStream(RESOURCE)) {
      return fhirContext.newJsonParser().parseResource(Bundle.class, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
