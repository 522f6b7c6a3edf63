package dk.kfgateway.notification;

import ca.uhn.fhir.jpa.searchparam.matcher.InMemoryResourceMatcher;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dk.kfgateway.fhir.AfterCommit;
import dk.kfgateway.pipeline.Step;
import dk.kfgateway.pipeline.Write;
import dk.kfgateway.pipeline.WriteStep;
import java.time.Clock;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Matches every stored change against the Subscriptions watching its type, in memory, and queues a notification for
 * each match in the change's own transaction: nothing is lost between the commit and the delivery, and nothing is
 * notified that did not commit. The dispatcher is woken once the change has committed.
 */
public class ChangeMatcher implements WriteStep {

  private final SubscriberRegistry registry;
  private final NotificationQueue queue;
  private final InMemoryResourceMatcher matcher;
  private final Runnable committed;
  private final Clock clock;

  ChangeMatcher(SubscriberRegistry registry, NotificationQueue queue, InMemoryResourceMatcher matcher,
      Runnable committed, Clock clock) {
    this.registry = registry;
    this.queue = queue;
    this.matcher = matcher;
    this.committed = committed;
    this.clock = clock;
  }

  @Override
  public Step step() {
    return Step.CHANGE_MATCHING;
  }

  @Override
  public void apply(Write write) {
    match(write.resource(), write.request());
  }

  private void match(IBaseResource resource, RequestDetails request) {
    List<Subscriber> watching = registry.watching(resource.fhirType());
    boolean queued = false;
    for (Subscriber subscriber : watching) {
      if (matcher.match(subscriber.criteria(), resource, null, request).matched()) {
        queue.add(subscriber.subscription(), focus(resource), clock.instant());
        queued = true;
      }
    }
    if (queued) {
      AfterCommit.run(committed);
    }
  }

  /** The version that changed ({@code Task/1/_history/2}): what it was is what the notification tells of. */
  private static String focus(IBaseResource resource) {
    var id = resource.getIdElement();
    return resource.fhirType() + "/" + id.getIdPart() + (id.hasVersionIdPart() ? "/_history/" + id.getVersionIdPart()
        : "");
  }
}
