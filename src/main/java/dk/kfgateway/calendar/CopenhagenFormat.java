package dk.kfgateway.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times in messages to caseworkers: Copenhagen local time, ISO order, the weekday spelled out. */
final class CopenhagenFormat {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd", Locale.ENGLISH);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

  private CopenhagenFormat() {}

  static String date(LocalDate date) {
    return DATE.format(date);
  }

  static String date(Instant instant) {
    return DATE.format(instant.atZone(WorkingDayCalendar.ZONE));
  }

  static String dateTime(Instant instant) {
    return DATE_TIME.format(instant.atZone(WorkingDayCalendar.ZONE));
  }
}
