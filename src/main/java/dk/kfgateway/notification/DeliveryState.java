package dk.kfgateway.notification;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dk.kfgateway.security.Caller;
import java.util.Date;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.UnsignedIntType;

/**
 * A Subscription as read shows its delivery state, taken from the subscriber's row when it is shown (not stored, so a
 * delivery adds no version): the last delivery, the last failure and its reason, the notifications queued. A client
 * that writes the Subscription back with them has them dropped. The values of its {@code channel.header} lines (a
 * receiver's credential) are shown only to the client that created it; others (the administrator, another client of
 * the same organisation) see the header names only.
 */
@Interceptor
public class DeliveryState {

  private static final String BASE = "http://kf-gateway.dk/fhir/StructureDefinition/subscription-";
  static final String LAST_DELIVERY = BASE + "last-delivery";
  static final String LAST_FAILURE = BASE + "last-failure";
  static final String LAST_FAILURE_REASON = BASE + "last-failure-reason";
  static final String QUEUED = BASE + "queued";

  /** The extensions shown; the only ones a client may send back (security.allowlist.RequestShapes). */
  public static final Set<String> EXTENSIONS = Set.of(LAST_DELIVERY, LAST_FAILURE, LAST_FAILURE_REASON, QUEUED);

  private final Subscribers subscribers;
  private final NotificationQueue queue;

  DeliveryState(Subscribers subscribers, NotificationQueue queue) {
    this.subscribers = subscribers;
    this.queue = queue;
  }

  @Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
  public void show(IPreResourceShowDetails details, RequestDetails request) {
    String caller = Caller.of(request).map(Caller::clientId).orElse(null);
    for (IBaseResource resource : details.getAllResources()) {
      if (resource instanceof Subscription subscription && subscription.getIdElement().hasIdPart()) {
        strip(subscription);
        subscribers.state(subscription.getIdElement().getIdPart()).ifPresent(state -> {
          if (caller != null && !caller.equals(state.client())) {
            subscription.getChannel().getHeader().forEach(h -> h.setValue(h.getValue().replaceFirst(":.*", ": (hidden)")));
          }
          at(subscription, LAST_DELIVERY, state.lastDelivery());
          at(subscription, LAST_FAILURE, state.lastFailure());
          if (state.lastError() != null) {
            subscription.addExtension(LAST_FAILURE_REASON, new StringType(state.lastError()));
          }
          subscription.addExtension(QUEUED, new UnsignedIntType(queue.queued(state.subscription())));
        });
      }
    }
  }

  static void strip(Subscription subscription) {
    subscription.getExtension().removeIf(e -> EXTENSIONS.contains(e.getUrl()));
  }

  private static void at(Subscription subscription, String url, Long millis) {
    if (millis != null) {
      subscription.addExtension(url, new InstantType(new Date(millis)));
    }
  }
}
