package dk.kfgateway.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes when a case is due (<i>fristens udløb</i>) from the instant the region received it (bkg 2019 §24: the
 * deadline runs from electronic receipt in the region's mailbox).
 *
 * <ul>
 *   <li>{@code CALENDAR_DAYS n}: the same local time of day n calendar days later in Europe/Copenhagen (a case
 *       received 20 March 10:00 with 14 days is due 3 April 10:00, across the change to summer time).
 *   <li>{@code WORKING_DAYS n}: n &times; 24 hours of {@linkplain WorkingDayCalendar working time}. For a case
 *       received on a working day this is the same time of day n working days later; a case received on a weekend
 *       or holiday is due at the end (24:00) of the n-th working day, as its clock starts on the next working day.
 *   <li>{@code WORKING_HOURS n}: n hours of working time.
 *   <li>{@code MEETING_DATE}: the meeting instant.
 *   <li>{@code BY_AGREEMENT}: no due date.
 * </ul>
 *
 * Counting working days as working time keeps one model for the due date and for {@link DeadlineClock pauses}.
 */
public final class DeadlineCalculator {

  private final WorkingDayCalendar calendar;

  public DeadlineCalculator(WorkingDayCalendar calendar) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  /** The due instant of a rule that does not depend on a meeting; see {@link #due(DeadlineRule, Instant, Instant)}. */
  public Optional<Instant> due(DeadlineRule rule, Instant received) {
    return due(rule, received, null);
  }

  /**
   * The due instant, or empty for {@code BY_AGREEMENT}. {@code meeting} may be null except for {@code MEETING_DATE},
   * where a missing meeting is a programming error (intake checks that a meeting service carries its date) and throws
   * {@link IllegalArgumentException}.
   */
  public Optional<Instant> due(DeadlineRule rule, Instant received, Instant meeting) {
    Objects.requireNonNull(received, "received");
    return switch (rule.kind()) {
      case CALENDAR_DAYS -> Optional.of(received.atZone(WorkingDayCalendar.ZONE).plusDays(rule.amount()).toInstant());
      case WORKING_DAYS -> Optional.of(calendar.plusWorkingTime(received, Duration.ofDays(rule.amount())));
      case WORKING_HOURS -> Optional.of(calendar.plusWorkingTime(received, Duration.ofHours(rule.amount())));
      case MEETING_DATE -> Optional.of(requireMeeting(meeting, rule));
      case BY_AGREEMENT -> Optional.empty();
    };
  }

  /** A running {@link DeadlineClock} for the case, or empty for {@code BY_AGREEMENT}. */
  public Optional<DeadlineClock> startClock(DeadlineRule rule, Instant received, Instant meeting) {
    return due(rule, received, meeting).map(due -> DeadlineClock.running(rule.kind(), due, calendar));
  }

  private static Instant requireMeeting(Instant meeting, DeadlineRule rule) {
    if (meeting == null) {
      throw new IllegalArgumentException("a meeting-date deadline needs the meeting instant (" + rule.source() + ")");
    }
    return meeting;
  }
}
