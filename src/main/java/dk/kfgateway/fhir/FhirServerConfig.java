package dk.kfgateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.narrative2.NullNarrativeGenerator;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import dk.kfgateway.GatewayProperties;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The FHIR REST endpoint at {@code /fhir}: HAPI's RestfulServer over the JPA providers, limited to the gateway's types. */
@Configuration
public class FhirServerConfig {

  /** The resource types the gateway serves; everything else answers 404 as an unknown type. */
  public static final List<String> SERVED_TYPES =
      List.of(
          "Patient",
          "Organization",
          "Practitioner",
          "PractitionerRole",
          "ServiceRequest",
          "Task",
          "Consent",
          "DocumentReference",
          "Binary",
          "Communication",
          "Subscription",
          "AuditEvent",
          "Provenance",
          "CodeSystem",
          "ValueSet",
          "StructureDefinition",
          "SearchParameter",
          "ChargeItem",
          "ChargeItemDefinition",
          "Invoice",
          "Bundle",
          "OperationOutcome");

  /** HAPI's beans of the types not served are never created; ConceptMap stays for HAPI's terminology services. */
  @Bean
  static UnservedTypesPruner unservedTypesPruner() {
    java.util.Set<String> kept = new java.util.HashSet<>(SERVED_TYPES);
    kept.add("ConceptMap");
    return new UnservedTypesPruner(kept);
  }

  @Bean
  public RestfulServer restfulServer(
      IFhirSystemDao<?, ?> systemDao,
      DaoRegistry daoRegistry,
      JpaSystemProvider<?, ?> systemProvider,
      ResourceProviderFactory resourceProviders,
      JpaStorageSettings storageSettings,
      ISearchParamRegistry searchParamRegistry,
      IValidationSupport validationSupport,
      dk.kfgateway.access.OwnedPages pagingProvider,
      GatewayProperties properties) {
    daoRegistry.setSupportedResourceTypes(SERVED_TYPES);
    systemDao.getContext().setNarrativeGenerator(new NullNarrativeGenerator());
    systemDao.getContext().setParserErrorHandler(new StrictParsing());

    // The server keeps its own registry for SERVER_* hooks: see GatewayInterceptors.
    RestfulServer server = new RestfulServer(systemDao.getContext());
    server.registerProviders(resourceProviders.createProviders());
    server.registerProvider(systemProvider);
    JpaCapabilityStatementProvider capabilities =
        new JpaCapabilityStatementProvider(
            server, systemDao, storageSettings, searchParamRegistry, validationSupport);
    capabilities.setImplementationDescription("Klinisk Funktion gateway");
    server.setServerConformanceProvider(capabilities);
    pagingProvider.setDefaultPageSize(properties.fhir().defaultPageSize());
    pagingProvider.setMaximumPageSize(properties.fhir().maxPageSize());
    server.setPagingProvider(pagingProvider);
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    server.setDefaultPrettyPrint(true);
    // Errors are OperationOutcomes without stack traces: HAPI's default exception handling, which answers and logs
    // once. (An ExceptionHandlingInterceptor registered here would answer the same, but its hook ends the chain, and
    // HAPI then logs every refusal again at ERROR, "HAPI-2544: Exception handling threw an exception".)
    return server;
  }

  /** Refusals logged as one INFO line, not by HAPI as errors with stack traces. */
  @Bean
  public RefusalLog refusalLog(GatewayInterceptors interceptors) {
    RefusalNoiseFilter.install();
    return interceptors.register(new RefusalLog());
  }

  /** The CapabilityStatement announces JSON only, as {@link JsonOnly} enforces. */
  @Bean
  public JsonOnlyCapability jsonOnlyCapability(GatewayInterceptors interceptors) {
    return interceptors.register(new JsonOnlyCapability());
  }

  /** Bodies in XML or Turtle: 415; answers in XML only: 406; after the token check and the size limit. */
  @Bean
  public FilterRegistrationBean<JsonOnly> jsonOnly(FhirContext fhirContext) {
    FilterRegistrationBean<JsonOnly> registration = new FilterRegistrationBean<>(new JsonOnly(fhirContext));
    registration.addUrlPatterns("/fhir/*");
    registration.setOrder(1);
    return registration;
  }

  @Bean
  public ServletRegistrationBean<RestfulServer> fhirServlet(RestfulServer server) {
    ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
