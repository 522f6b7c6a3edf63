package dk.kfgateway.routing;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the dispatcher every interval, and at once when a copy was committed, on one thread of its own while the
 * application runs; stops before the database
 * goes away, letting a delivery in flight finish (its row is due again if it does not).
 */
class DispatchSchedule implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DispatchSchedule.class);

  private final Dispatcher dispatcher;
  private final Duration interval;
  private final Duration grace;
  private ScheduledExecutorService executor;

  DispatchSchedule(Dispatcher dispatcher, Duration interval, Duration grace) {
    this.dispatcher = dispatcher;
    this.interval = interval;
    this.grace = grace;
  }

  @Override
  public synchronized void start() {
    executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "gp-dispatcher");
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** An extra round at once, on the dispatcher's thread (so rounds never overlap), e.g. after a copy was committed. */
  synchronized void wakeUp() {
    if (executor != null) {
      executor.execute(this::round);
    }
  }

  private void round() {
    try {
      dispatcher.deliverDue();
    } catch (RuntimeException e) {
      log.warn("Dispatcher round failed; the copies stay in the outbox: {}", e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdown();
      try {
        executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
