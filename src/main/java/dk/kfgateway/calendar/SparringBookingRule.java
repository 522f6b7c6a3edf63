package dk.kfgateway.calendar;

import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * CAL-002: a case sparring (<i>sagssparring</i>) on a meeting day must be booked in the meeting note "den forudgående
 * arbejdsdag og senest 24 timer før" (guide pkt. 1): no later than the working day before the meeting day <b>and</b>
 * at least 24 hours before the sparring, for the coordinator's planning.
 *
 * <p>Both limits apply; the earlier one wins. A sparring on Tuesday 10:00 must be booked by Monday 10:00 (24 hours);
 * one on Monday 09:00 by the end of the previous Friday (previous working day), even though Saturday is more than 24
 * hours before.
 */
public final class SparringBookingRule {

  public static final String RULE_ID = "CAL-002";
  public static final RuleRef RULE = new RuleRef(RULE_ID, "guide pkt. 1");
  static final Duration MINIMUM_NOTICE = Duration.ofHours(24);

  private final WorkingDayCalendar calendar;

  public SparringBookingRule(WorkingDayCalendar calendar) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  /** The last instant at which a sparring at {@code meeting} may be booked (inclusive). */
  public Instant latestBooking(Instant meeting) {
    Instant dayNotice = meeting.minus(MINIMUM_NOTICE);
    LocalDate previousWorkingDay = calendar.previousWorkingDay(meeting.atZone(WorkingDayCalendar.ZONE).toLocalDate());
    Instant endOfPreviousWorkingDay =
        previousWorkingDay.plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant().minusNanos(1);
    return dayNotice.isBefore(endOfPreviousWorkingDay) ? dayNotice : endOfPreviousWorkingDay;
  }

  /** Allowed when the booking was made at or before {@link #latestBooking(Instant)}. */
  public Verdict check(Instant booked, Instant meeting) {
    Instant latest = latestBooking(meeting);
    if (!booked.isAfter(latest)) {
      return Verdict.allowed();
    }
    return Verdict.refused(
        RULE,
        ("A case sparring must be booked in the meeting note no later than the previous working day and at least"
                + " 24 hours before the sparring at %s: the latest allowed booking was %s, but it was booked %s."
                + " Book the sparring for a later meeting day.")
            .formatted(
                CopenhagenFormat.dateTime(meeting),
                CopenhagenFormat.dateTime(latest),
                CopenhagenFormat.dateTime(booked)));
  }
}
