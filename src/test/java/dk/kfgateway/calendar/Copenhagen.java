package dk.kfgateway.calendar;

import java.time.Instant;
import java.time.LocalDateTime;

/** Test helper: fixed instants written as Copenhagen wall-clock time, so no test depends on the real clock. */
final class Copenhagen {

  private Copenhagen() {}

  /** "2025-04-14T10:00" in Europe/Copenhagen as an instant. */
  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant();
  }
}
