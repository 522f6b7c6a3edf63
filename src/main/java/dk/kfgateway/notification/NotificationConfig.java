package dk.kfgateway.notification;

import ca.uhn.fhir.context.FhirContext;
import dk.kfgateway.fhir.GatewayInterceptors;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import dk.kfgateway.GatewayProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Notifications by FHIR Subscriptions (rest-hook, R4), delivered by HAPI; failures recorded and retried. */
@Configuration
public class NotificationConfig {

  @Bean
  public DeliveryFailureRecorder deliveryFailureRecorder(
      FhirContext fhirContext, DaoRegistry daos, GatewayInterceptors interceptors) {
    return interceptors.register(new DeliveryFailureRecorder(fhirContext, daos));
  }

  /** SEC-009: rest-hook endpoints only as registered per client (gateway.security.clients.<id>.endpoints). */
  @Bean
  public SubscriptionEndpointGuard subscriptionEndpointGuard(GatewayProperties properties,
      GatewayInterceptors interceptors) {
    Map<String, List<String>> endpoints = new HashMap<>();
    properties.security().clients().forEach((id, client) -> endpoints.put(id, client.endpoints()));
    return interceptors.register(new SubscriptionEndpointGuard(new RegisteredEndpointRule(endpoints),
        Set.copyOf(properties.security().unrestrictedClients())));
  }

  @Bean
  public BookkeepingNotMatched bookkeepingNotMatched(GatewayInterceptors interceptors) {
    return interceptors.register(new BookkeepingNotMatched());
  }
}
