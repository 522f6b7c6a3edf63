package dk.kfgateway.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the notification dispatcher: every interval, and at once after a change queued a notification, one thread
 * looks for subscribers with due notifications and hands each to a pool of workers, one worker per subscriber at a
 * time. A slow or dead endpoint holds one worker for at most the timeout and then waits out its back-off, so the other
 * subscribers' notifications go on (per-subscriber queues). Stops before the database goes away.
 */
class NotificationSchedule implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(NotificationSchedule.class);
  private static final Duration EXPIRY_EVERY = Duration.ofMinutes(1);
  private static final Duration METRICS_EVERY = Duration.ofSeconds(5);

  private final NotificationDispatcher dispatcher;
  private final SubscriberRegistry registry;
  private final NotificationMetrics metrics;
  private final Duration interval;
  private final Duration registryRefresh;
  private final int workers;
  private final boolean enabled;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean wakeQueued = new AtomicBoolean();
  private volatile Instant nextExpiry = Instant.EPOCH;
  private volatile Instant nextMetrics = Instant.EPOCH;
  private ScheduledExecutorService scheduler;
  private ExecutorService pool;

  NotificationSchedule(NotificationDispatcher dispatcher, SubscriberRegistry registry, NotificationMetrics metrics,
      Duration interval, Duration registryRefresh, int workers, boolean enabled) {
    this.dispatcher = dispatcher;
    this.registry = registry;
    this.metrics = metrics;
    this.interval = interval;
    this.registryRefresh = registryRefresh;
    this.workers = workers;
    this.enabled = enabled;
  }

  @Override
  public synchronized void start() {
    AtomicInteger count = new AtomicInteger();
    scheduler = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "notification-dispatcher"));
    pool = Executors.newFixedThreadPool(workers, task -> daemon(task, "notification-" + count.incrementAndGet()));
    // every node matches changes, so every node keeps its registry current, delivering or not
    scheduler.scheduleWithFixedDelay(this::refresh, registryRefresh.toMillis(), registryRefresh.toMillis(),
        TimeUnit.MILLISECONDS);
    if (enabled) { // gateway.notification.dispatcher-enabled=false: this node queues, others deliver
      scheduler.scheduleWithFixedDelay(this::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void refresh() {
    try {
      registry.reloadIfChanged();
    } catch (RuntimeException e) {
      log.warn("Could not refresh the Subscriptions from the database; trying again: {}", e.toString());
    }
  }

  /** A round at once (after a commit that queued notifications); rounds queued meanwhile are one. */
  void wakeUp() {
    ScheduledExecutorService current = scheduler;
    if (current != null && enabled && wakeQueued.compareAndSet(false, true)) {
      current.execute(() -> {
        wakeQueued.set(false);
        round();
      });
    }
  }

  private void round() {
    try {
      for (String subscription : dispatcher.due()) {
        if (inFlight.add(subscription)) {
          pool.execute(() -> {
            try {
              dispatcher.deliver(subscription);
            } catch (RuntimeException e) {
              log.warn("Delivery round of Subscription/{} failed; its notifications stay queued: {}", subscription,
                  e.toString());
            } finally {
              inFlight.remove(subscription);
            }
          });
        }
      }
      if (Instant.now().isAfter(nextExpiry)) {
        nextExpiry = Instant.now().plus(EXPIRY_EVERY);
        int dropped = dispatcher.expire();
        if (dropped > 0) {
          log.warn("{} notifications waited longer than the retention for a subscriber in error and were dropped",
              dropped);
        }
      }
      if (Instant.now().isAfter(nextMetrics)) {
        nextMetrics = Instant.now().plus(METRICS_EVERY);
        metrics.refresh();
      }
    } catch (RuntimeException e) {
      log.warn("Notification round failed; notifications stay queued: {}", e.toString());
    }
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdown();
      pool.shutdown();
      try {
        pool.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scheduler = null;
      pool = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
