package dk.kfgateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed client authentications per key (a client id, or a remote address), in memory: after {@code maxFailures}
 * within {@code window} the key is locked out for one window, during which nothing is counted. Successes are not
 * counted and do not reset. Per node: with several nodes an attacker has that many times the attempts.
 */
final class FailedAuthentications {

  /** Keys kept before the ones with nothing recent are dropped, so that a flood of keys cannot grow memory unbounded. */
  static final int PRUNE_ABOVE = 10_000;

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Failures> byKey = new ConcurrentHashMap<>();

  FailedAuthentications(int maxFailures, Duration window, Clock clock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  /** How long the key is still locked out, if it is. */
  Optional<Duration> lockedOutFor(String key) {
    Failures failures = byKey.get(key);
    if (failures == null) {
      return Optional.empty();
    }
    synchronized (failures) {
      Instant now = clock.instant();
      return failures.lockedUntil != null && now.isBefore(failures.lockedUntil)
          ? Optional.of(Duration.between(now, failures.lockedUntil)) : Optional.empty();
    }
  }

  /** Counts a failure; returns true when it locks the key out. */
  boolean failed(String key) {
    if (byKey.size() > PRUNE_ABOVE) {
      prune();
    }
    Failures failures = byKey.computeIfAbsent(key, k -> new Failures());
    synchronized (failures) {
      Instant now = clock.instant();
      if (failures.lockedUntil != null && now.isBefore(failures.lockedUntil)) {
        return false;
      }
      failures.lockedUntil = null;
      failures.recent.addLast(now);
      failures.dropBefore(now.minus(window));
      if (failures.recent.size() >= maxFailures) {
        failures.recent.clear();
        failures.lockedUntil = now.plus(window);
        return true;
      }
      return false;
    }
  }

  private void prune() {
    Instant horizon = clock.instant().minus(window);
    byKey.entrySet().removeIf(entry -> {
      Failures failures = entry.getValue();
      synchronized (failures) {
        failures.dropBefore(horizon);
        return failures.recent.isEmpty()
            && (failures.lockedUntil == null || !clock.instant().isBefore(failures.lockedUntil));
      }
    });
  }

  private static final class Failures {
    final Deque<Instant> recent = new ArrayDeque<>();
    Instant lockedUntil;

    void dropBefore(Instant horizon) {
      while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
        recent.removeFirst();
      }
    }
  }
}
