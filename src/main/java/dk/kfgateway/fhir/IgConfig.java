package dk.kfgateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.registry.SearchParamRegistryImpl;
import dk.kfgateway.GatewayProperties;
import dk.kfgateway.ig.ImplementationGuide;
import dk.kfgateway.ig.ProfileValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The implementation guide in the running server: loaded once, stored on start, and enforced on every write. */
@Configuration
public class IgConfig {

  @Bean
  public ImplementationGuide implementationGuide(FhirContext fhirContext) {
    return ImplementationGuide.load(fhirContext);
  }

  @Bean
  public ProfileValidator profileValidator(FhirContext fhirContext, ImplementationGuide ig) {
    return new ProfileValidator(fhirContext, ig);
  }

  @Bean
  public IgInstaller igInstaller(
      FhirContext fhirContext,
      DaoRegistry daoRegistry,
      SearchParamRegistryImpl searchParamRegistry,
      ImplementationGuide ig,
      ProfileValidator validator) {
    return new IgInstaller(fhirContext, daoRegistry, searchParamRegistry, ig, validator);
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
      GatewayInterceptors interceptors,
      GatewayProperties properties) {
    ProfileValidatingInterceptor interceptor = new ProfileValidatingInterceptor(fhirContext, ig, validator);
    return properties.fhir().validateOnWrite() ? interceptors.register(interceptor) : interceptor;
  }
}
