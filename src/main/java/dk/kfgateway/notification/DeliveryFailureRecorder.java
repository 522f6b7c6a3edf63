package dk.kfgateway.notification;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.subscription.model.ResourceDeliveryMessage;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A notification that could not be delivered is not silent: the subscriber sees the latest failure in its
 * Subscription's {@code error} element (and the log has it), while HAPI retries with back-off as many times as the
 * subscription asks (extension {@code http://hapifhir.io/fhir/StructureDefinition/subscription-delivery-retry-count}).
 */
@Interceptor
public class DeliveryFailureRecorder {

  private static final Logger log = LoggerFactory.getLogger(DeliveryFailureRecorder.class);

  private final FhirContext fhirContext;
  private final DaoRegistry daos;

  public DeliveryFailureRecorder(FhirContext fhirContext, DaoRegistry daos) {
    this.fhirContext = fhirContext;
    this.daos = daos;
  }

  /** Returns true so that HAPI goes on with its retries. */
  @Hook(Pointcut.SUBSCRIPTION_AFTER_DELIVERY_FAILED)
  public boolean recordFailure(ResourceDeliveryMessage message, Exception error) {
    IdType subscriptionId = new IdType(message.getSubscription().getIdElement(fhirContext).getValue()).toUnqualifiedVersionless();
    String what = message.getPayloadId() + " to " + message.getSubscription().getEndpointUrl();
    log.warn("Notification of {} for {} failed: {}", what, subscriptionId.getValue(), error.getMessage());
    try {
      var dao = daos.getResourceDao(Subscription.class);
      Subscription subscription = dao.read(subscriptionId, new SystemRequestDetails());
      String text = "Delivery of " + what + " failed (" + error.getMessage() + "); retrying";
      // Only a new kind of failure is written, so a dead endpoint does not grow the Subscription's history each retry.
      if (!text.equals(subscription.getError())) {
        subscription.setError(text);
        dao.update(subscription, new SystemRequestDetails());
      }
    } catch (RuntimeException e) {
      log.warn("Could not record the delivery failure on {}: {}", subscriptionId.getValue(), e.getMessage());
    }
    return true;
  }
}
