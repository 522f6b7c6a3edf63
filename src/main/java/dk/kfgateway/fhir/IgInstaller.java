package dk.kfgateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.registry.SearchParamRegistryImpl;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import dk.kfgateway.ig.ImplementationGuide;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

/**
 * Stores the IG's conformance resources (profiles, code systems, value sets, search parameters) in the server on every
 * start, so that clients can read them, {@code /metadata} lists the profiles and the search parameters are active.
 * Updates by id are idempotent: an unchanged resource gets no new version. Then waits until the validator is warm (it
 * warms in the background from early in start-up), so the first referral does not pay for it.
 */
public class IgInstaller {

  /** Runs before anything else that writes on start (demo data). */
  public static final int ORDER = 0;

  private static final Logger log = LoggerFactory.getLogger(IgInstaller.class);

  private final FhirContext fhirContext;
  private final DaoRegistry daoRegistry;
  private final SearchParamRegistryImpl searchParamRegistry;
  private final ImplementationGuide ig;
  private final CompletableFuture<Void> validatorWarmUp;
  private volatile boolean installed;

  public IgInstaller(
      FhirContext fhirContext,
      DaoRegistry daoRegistry,
      SearchParamRegistryImpl searchParamRegistry,
      ImplementationGuide ig,
      CompletableFuture<Void> validatorWarmUp) {
    this.fhirContext = fhirContext;
    this.daoRegistry = daoRegistry;
    this.searchParamRegistry = searchParamRegistry;
    this.ig = ig;
    this.validatorWarmUp = validatorWarmUp;
  }

  @Order(ORDER)
  @EventListener(ApplicationReadyEvent.class)
  public void install() {
    long start = System.nanoTime();
    for (IBaseResource resource : ig.conformanceResources()) {
      store(resource);
    }
    searchParamRegistry.forceRefresh();
    long stored = System.nanoTime();
    validatorWarmUp.join();
    log.info(
        "IG installed: {} conformance resources in {} ms, then waited {} ms for the validator's warm-up",
        ig.conformanceResources().size(),
        (stored - start) / 1_000_000,
        (System.nanoTime() - stored) / 1_000_000);
    installed = true;
  }

  /** Whether {@link #install} has finished on this start (readiness waits for it). */
  public boolean installed() {
    return installed;
  }

  @SuppressWarnings("unchecked")
  private void store(IBaseResource resource) {
    IFhirResourceDao<IBaseResource> dao = daoRegistry.getResourceDao(fhirContext.getResourceType(resource));
    dao.update(resource, new SystemRequestDetails());
  }
}
