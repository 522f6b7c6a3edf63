package dk.kfgateway.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A case's deadline that stops while the case is on hold (<i>sat i bero</i>), e.g. while the citizen's consent is
 * settled (guide pkt. 13), and gives back the time that was left when it resumes.
 *
 * <p>What "the time left" is depends on the rule's kind:
 *
 * <ul>
 *   <li>calendar days: the elapsed time from the hold start to the due instant;
 *   <li>working days and working hours: the {@linkplain WorkingDayCalendar working time} from the hold start to the
 *       due instant, added as working time from the resume instant, so a pause over Easter does not eat the deadline;
 *   <li>meeting date: nothing moves, the meeting does not move because the case was on hold.
 * </ul>
 *
 * A hold that starts at or after the due instant does not move it: the deadline was already missed and a pause cannot
 * repair that. Pauses compose: each {@link #resume(Instant)} moves the due instant left by the previous ones.
 *
 * <p>Immutable: every method returns a new clock. Takes instants, never reads the system clock.
 */
public final class DeadlineClock {

  private final DeadlineKind kind;
  private final Instant due;
  private final Instant heldSince;
  private final WorkingDayCalendar calendar;

  private DeadlineClock(DeadlineKind kind, Instant due, Instant heldSince, WorkingDayCalendar calendar) {
    this.kind = kind;
    this.due = due;
    this.heldSince = heldSince;
    this.calendar = calendar;
  }

  /** A running clock for a rule of the given kind that is due at {@code due}. */
  public static DeadlineClock running(DeadlineKind kind, Instant due, WorkingDayCalendar calendar) {
    if (kind == DeadlineKind.BY_AGREEMENT) {
      throw new IllegalArgumentException("a deadline by agreement has no due instant to run towards");
    }
    return new DeadlineClock(kind, Objects.requireNonNull(due, "due"), null, Objects.requireNonNull(calendar));
  }

  /** The due instant as moved by every finished pause; a hold still going on is not yet counted. */
  public Instant due() {
    return due;
  }

  public boolean isOnHold() {
    return heldSince != null;
  }

  /** When the current hold started, empty while the clock runs. */
  public Optional<Instant> heldSince() {
    return Optional.ofNullable(heldSince);
  }

  /** The clock stopped at {@code at}; already on hold, it stays on hold since the earlier instant. */
  public DeadlineClock hold(Instant at) {
    Objects.requireNonNull(at, "at");
    return isOnHold() ? this : new DeadlineClock(kind, due, at, calendar);
  }

  /** The clock running again from {@code at}, its due instant moved by the time left at the hold; no-op if running. */
  public DeadlineClock resume(Instant at) {
    Objects.requireNonNull(at, "at");
    if (!isOnHold()) {
      return this;
    }
    if (at.isBefore(heldSince)) {
      throw new IllegalArgumentException("resumed at " + at + " before the hold started at " + heldSince);
    }
    return new DeadlineClock(kind, movedDue(at), null, calendar);
  }

  /** One whole pause: held from {@code holdStart}, resumed at {@code resumedAt}. */
  public DeadlineClock pause(Instant holdStart, Instant resumedAt) {
    return hold(holdStart).resume(resumedAt);
  }

  /** The time left at an instant, measured the way this kind counts (zero once due). */
  public Duration remainingAt(Instant at) {
    if (!at.isBefore(due)) {
      return Duration.ZERO;
    }
    return kind.countsWorkingTime() ? calendar.workingTimeBetween(at, due) : Duration.between(at, due);
  }

  private Instant movedDue(Instant resumedAt) {
    if (kind == DeadlineKind.MEETING_DATE || !heldSince.isBefore(due)) {
      return due;
    }
    Duration left = remainingAt(heldSince);
    return kind.countsWorkingTime() ? calendar.plusWorkingTime(resumedAt, left) : resumedAt.plus(left);
  }
}
