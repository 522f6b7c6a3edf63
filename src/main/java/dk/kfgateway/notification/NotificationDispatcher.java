package dk.kfgateway.notification;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import dk.kfgateway.GatewayProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one subscriber's due notifications, in order, under a lease on its row (so one node at a time serves a
 * subscriber, and a node that dies lets it run out): each outcome is recorded at once, in a short transaction of its
 * own; the first failure stops the subscriber's round, which waits a growing back-off (its later notifications keep
 * their order). At least once: a node that dies after an endpoint took a notification but before recording it sends
 * it again under the same notification id. After
 * {@code max-failures} consecutive failures the Subscription goes to status {@code error} with the reason; its
 * notifications stay queued (at most {@code retention}) until the client sets it to {@code requested} again.
 */
class NotificationDispatcher {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final Subscribers subscribers;
  private final NotificationQueue queue;
  private final NotificationDelivery delivery;
  private final DaoRegistry daos;
  private final TransactionTemplate transactions;
  private final GatewayProperties.Notification settings;
  private final Clock clock;
  /** This node's name on a lease. */
  private final String node = java.util.UUID.randomUUID().toString();

  NotificationDispatcher(Subscribers subscribers, NotificationQueue queue, NotificationDelivery delivery,
      DaoRegistry daos, PlatformTransactionManager transactionManager, GatewayProperties.Notification settings,
      Clock clock) {
    this.subscribers = subscribers;
    this.queue = queue;
    this.delivery = delivery;
    this.daos = daos;
    this.transactions = new TransactionTemplate(transactionManager);
    this.settings = settings;
    this.clock = clock;
  }

  /** The subscribers with notifications due now. */
  List<String> due() {
    return subscribers.due(clock.instant());
  }

  /** Delivers what is due for one subscriber; returns how many were delivered. */
  int deliver(String subscription) {
    Optional<Subscriber> claimed = subscribers.claim(subscription, node, clock.instant(), leaseEnd());
    if (claimed.isEmpty()) {
      return 0;
    }
    try {
      return deliverLeased(claimed.get());
    } finally {
      subscribers.release(subscription, node);
    }
  }

  private int deliverLeased(Subscriber subscriber) {
    int delivered = 0;
    String id = subscriber.subscription();
    for (NotificationQueue.Notification notification : queue.pending(id, settings.batchSize())) {
      if (!subscribers.renew(id, node, leaseEnd())) {
        break; // the lease ran out and another node serves the subscriber now
      }
      Optional<String> outcome = delivery.send(subscriber, notification);
      Instant now = clock.instant();
      if (outcome.isEmpty()) {
        queue.withheld(notification.id(), now); // the subscriber may not read it now: not even its reference goes out
      } else if (outcome.get().isEmpty()) {
        transactions.executeWithoutResult(status -> {
          queue.delivered(notification.id(), now);
          subscribers.delivered(id, now);
        });
        delivered++;
      } else {
        failed(subscriber, notification, outcome.get(), now);
        break;
      }
    }
    return delivered;
  }

  private void failed(Subscriber subscriber, NotificationQueue.Notification notification, String error, Instant now) {
    String id = subscriber.subscription();
    int failures = subscribers.failed(id, error, now, this::backoff);
    log.warn("Notification {} of Subscription/{} failed ({} in a row): {}", notification.id(), id, failures, error);
    if (failures >= settings.maxFailures()) {
      transactions.executeWithoutResult(status -> toError(id, "Delivery failed " + failures + " times in a row (last: "
          + error + "); notifications are kept for " + settings.retention() + ": set status to 'requested' to resume"));
    }
  }

  /** Long enough for one notification (the endpoint's timeout) and its bookkeeping. */
  private Instant leaseEnd() {
    return clock.instant().plus(settings.timeout().multipliedBy(2)).plusSeconds(5);
  }

  /** Wait after the n-th consecutive failure: initial, 2x, 4x ... at most the maximum. */
  Duration backoff(int failures) {
    Duration wait = settings.initialBackoff().multipliedBy(1L << Math.min(failures - 1, 30));
    return wait.compareTo(settings.maxBackoff()) > 0 || wait.isNegative() ? settings.maxBackoff() : wait;
  }

  /** The Subscription itself says so (status error, the reason in error). */
  private void toError(String subscription, String reason) {
    var dao = daos.getResourceDao(Subscription.class);
    Subscription stored;
    try {
      stored = dao.read(new IdType("Subscription", subscription), new SystemRequestDetails());
    } catch (ca.uhn.fhir.rest.server.exceptions.ResourceGoneException
        | ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException e) {
      return; // deleted meanwhile
    }
    stored.setStatus(Subscription.SubscriptionStatus.ERROR).setError(reason);
    dao.update(stored, new SystemRequestDetails());
    log.warn("Subscription/{} is in error: {}", subscription, reason);
  }

  /** Drops what waited longer than the retention; returns how many. */
  int expire() {
    return transactions.execute(status -> queue.expire(clock.instant(), settings.retention()));
  }
}
