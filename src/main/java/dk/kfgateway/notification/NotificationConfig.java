package dk.kfgateway.notification;

import ca.uhn.fhir.context.FhirContext;
import dk.kfgateway.fhir.GatewayInterceptors;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
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

  @Bean
  public BookkeepingNotMatched bookkeepingNotMatched(GatewayInterceptors interceptors) {
    return interceptors.register(new BookkeepingNotMatched());
  }
}
