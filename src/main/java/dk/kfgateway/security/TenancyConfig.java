package dk.kfgateway.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import dk.kfgateway.GatewayProperties;
import dk.kfgateway.fhir.GatewayInterceptors;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tenant isolation in the running server: the write guard, the instance guard and the request size limit. */
@Configuration
public class TenancyConfig {

  @Bean
  public CasePartiesLookup casePartiesLookup(dk.kfgateway.facts.CaseFacts facts) {
    return new CasePartiesLookup(facts);
  }

  @Bean
  public TenantWriteGuard tenantWriteGuard(CasePartiesLookup facts, GatewayProperties properties) {
    return new TenantWriteGuard(facts, Set.copyOf(properties.security().unrestrictedClients()));
  }

  @Bean
  public InstanceAccessGuard instanceAccessGuard(
      DaoRegistry daos, CasePartiesLookup facts, GatewayProperties properties, GatewayInterceptors interceptors) {
    return interceptors.register(
        new InstanceAccessGuard(daos, facts, Set.copyOf(properties.security().unrestrictedClients())));
  }

  @Bean
  public FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(GatewayProperties properties) {
    FilterRegistrationBean<RequestSizeLimit> registration =
        new FilterRegistrationBean<>(new RequestSizeLimit(properties.security().maxRequestSize().toBytes()));
    registration.addUrlPatterns("/fhir/*");
    registration.setOrder(0);
    return registration;
  }
}
