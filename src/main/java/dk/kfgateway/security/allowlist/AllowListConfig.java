package dk.kfgateway.security.allowlist;

import dk.kfgateway.GatewayProperties;
import dk.kfgateway.fhir.GatewayInterceptors;
import java.util.Set;
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
  AllowListInterceptor allowListInterceptor(AllowList allowList, GatewayProperties properties,
      GatewayInterceptors interceptors) {
    return interceptors.register(
        new AllowListInterceptor(allowList, Set.copyOf(properties.security().unrestrictedClients())));
  }

  @Bean
  AllowListCapability allowListCapability(AllowList allowList, GatewayProperties properties,
      GatewayInterceptors interceptors) {
    return interceptors.register(
        new AllowListCapability(allowList, Set.copyOf(properties.security().unrestrictedClients())));
  }
}
