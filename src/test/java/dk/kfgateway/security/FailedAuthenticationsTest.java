package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Counting failed client authentications: a lock-out after the limit within the window, for one window. */
class FailedAuthenticationsTest {

  private Instant now = Instant.parse("2026-11-24T10:00:00Z");
  private final FailedAuthentications failures = new FailedAuthentications(3, Duration.ofMinutes(1), new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  });

  @Test
  void theLimitWithinTheWindowLocksOutForOneWindow() {
    assertThat(failures.failed("a")).isFalse();
    assertThat(failures.failed("a")).isFalse();
    assertThat(failures.lockedOutFor("a")).isEmpty();

    assertThat(failures.failed("a")).isTrue();

    assertThat(failures.lockedOutFor("a")).contains(Duration.ofMinutes(1));
    assertThat(failures.lockedOutFor("b")).isEmpty();
    now = now.plusSeconds(59);
    assertThat(failures.lockedOutFor("a")).contains(Duration.ofSeconds(1));
    now = now.plusSeconds(1);
    assertThat(failures.lockedOutFor("a")).isEmpty();
  }

  @Test
  void failuresSpreadWiderThanTheWindowDoNotLockOut() {
    failures.failed("a");
    now = now.plusSeconds(40);
    failures.failed("a");
    now = now.plusSeconds(40);

    assertThat(failures.failed("a")).isFalse();
    assertThat(failures.lockedOutFor("a")).isEmpty();
  }

  @Test
  void attemptsDuringALockOutDoNotProlongIt() {
    failures.failed("a");
    failures.failed("a");
    failures.failed("a");
    now = now.plusSeconds(30);

    assertThat(failures.failed("a")).isFalse();

    assertThat(failures.lockedOutFor("a")).contains(Duration.ofSeconds(30));
  }
}
