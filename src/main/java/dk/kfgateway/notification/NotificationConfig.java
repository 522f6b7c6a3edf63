package dk.kfgateway.notification;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Notifications by FHIR Subscriptions (rest-hook, R4), delivered by HAPI; failures recorded and retried. */
@Configuration
public class NotificationConfig {

  @Bean
  public DeliveryFailureRecorder deliveryFailureRecorder(
      FhirContext fhirContext, DaoRegistry daos, Clock clock, IInterceptorService interceptors) {
    DeliveryFailureRecorder recorder = new DeliveryFailureRecorder(fhirContext, daos, clock);
    interceptors.registerInterceptor(recorder);
    return recorder;
  }
}
