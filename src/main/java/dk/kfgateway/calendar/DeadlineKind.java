package dk.kfgateway.calendar;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a deadline (<i>frist</i>) is counted. The {@link #token() token} is the kind's name in configuration strings
 * (see {@link DeadlineRule#parse(String)}).
 */
public enum DeadlineKind {
  /** <i>Dage</i>: calendar days, weekends and holidays included. */
  CALENDAR_DAYS("calendar-days", true),
  /** <i>Hverdage/arbejdsdage</i>: working days of the {@link WorkingDayCalendar}. */
  WORKING_DAYS("working-days", true),
  /** Hours counted on working days only, e.g. "48 timer på arbejdsdage" (guide pkt. 4). */
  WORKING_HOURS("working-hours", true),
  /** Due at the meeting itself, e.g. written advice right after the talk on the meeting day. */
  MEETING_DATE("meeting-date", false),
  /** Agreed case by case (bkg 2019 §20): no due date can be computed. */
  BY_AGREEMENT("by-agreement", false);

  private final String token;
  private final boolean hasAmount;

  DeadlineKind(String token, boolean hasAmount) {
    this.token = token;
    this.hasAmount = hasAmount;
  }

  public String token() {
    return token;
  }

  /** True when the kind needs an amount (days or hours); false for meeting date and by agreement. */
  public boolean hasAmount() {
    return hasAmount;
  }

  /** True when the kind counts working time, so that a pause must give back working time, not calendar time. */
  public boolean countsWorkingTime() {
    return this == WORKING_DAYS || this == WORKING_HOURS;
  }

  /** The kind with this configuration token, if any. */
  public static Optional<DeadlineKind> fromToken(String token) {
    return Arrays.stream(values()).filter(kind -> kind.token.equals(token)).findFirst();
  }
}
