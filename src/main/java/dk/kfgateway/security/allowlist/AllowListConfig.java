package dk.kfgateway.security.allowlist;

import dk.kfgateway.access.RestrictedCallers;
import dk.kfgateway.fhir.GatewayInterceptors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The allow-list in the running server: its check of every request and its part of the CapabilityStatement. */
@Configuration
public class AllowListConfig {

  @Bean
  public AllowList allowList() {
    return AllowListYaml.load();
  }

  @Bean
  AllowListInterceptor allowListInterceptor(AllowList allowList, RestrictedCallers callers,
      GatewayInterceptors interceptors) {
    return interceptors.register(new AllowListInterceptor(allowList, callers));
  }

  @Bean
  AllowListCapability allowListCapability(AllowList allowList, RestrictedCallers callers,
      GatewayInterceptors interceptors) {
    return interceptors.register(new AllowListCapability(allowList, callers));
  }
}
