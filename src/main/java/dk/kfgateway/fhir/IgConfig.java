package dk.kfgateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.registry.SearchParamRegistryImpl;
import dk.kfgateway.GatewayProperties;
import dk.kfgateway.ig.ImplementationGuide;
import dk.kfgateway.ig.ProfileValidator;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The implementation guide in the running server: loaded once, stored on start, and enforced on every write. */
@Configuration
public class IgConfig {

  @Bean
  public ImplementationGuide implementationGuide(FhirContext fhirContext) {
    return ImplementationGuide.load(fhirContext);
  }

  /**
   * The validator over the core definitions HAPI's storage engine has loaded anyway, warmed on a background thread
   * from the moment it exists, so that the warm-up overlaps the rest of start-up (see {@link IgInstaller}).
   */
  @Bean
  public ProfileValidator profileValidator(
      FhirContext fhirContext, ImplementationGuide ig, DefaultProfileValidationSupport coreDefinitions) {
    return new ProfileValidator(fhirContext, ig, coreDefinitions);
  }

  @Bean
  public CompletableFuture<Void> validatorWarmUp(ProfileValidator validator) {
    return CompletableFuture.runAsync(validator::warmUp, task -> {
      Thread thread = new Thread(task, "validator-warm-up");
      thread.setDaemon(true);
      thread.start();
    });
  }

  @Bean
  public IgInstaller igInstaller(
      FhirContext fhirContext,
      DaoRegistry daoRegistry,
      SearchParamRegistryImpl searchParamRegistry,
      ImplementationGuide ig,
      CompletableFuture<Void> validatorWarmUp) {
    return new IgInstaller(fhirContext, daoRegistry, searchParamRegistry, ig, validatorWarmUp);
  }

  @Bean
  public CapabilityProfilesInterceptor capabilityProfilesInterceptor(
      ImplementationGuide ig, GatewayInterceptors interceptors) {
    return interceptors.register(new CapabilityProfilesInterceptor(ig));
  }

  @Bean
  public ProfileValidatingInterceptor profileValidatingInterceptor(
      FhirContext fhirContext,
      ImplementationGuide ig,
      ProfileValidator validator,
      GatewayProperties properties) {
    return new ProfileValidatingInterceptor(fhirContext, ig, validator, properties.fhir().validateOnWrite());
  }
}
