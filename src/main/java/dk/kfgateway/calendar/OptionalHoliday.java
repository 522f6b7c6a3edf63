package dk.kfgateway.calendar;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * Days that are not public holidays (<i>helligdage</i>) by law but that collective and cooperation agreements commonly
 * treat as days off (<i>fridage</i>). Which of them count as non-working is chosen per {@link DanishHolidays}.
 */
public enum OptionalHoliday {
  /** <i>Grundlovsdag</i>, 5 June. */
  CONSTITUTION_DAY(MonthDay.of(6, 5), "Grundlovsdag (Constitution Day)"),
  /** <i>Juleaftensdag</i>, 24 December. */
  CHRISTMAS_EVE(MonthDay.of(12, 24), "Juleaftensdag (Christmas Eve)"),
  /** <i>Nytårsaftensdag</i>, 31 December. */
  NEW_YEARS_EVE(MonthDay.of(12, 31), "Nytårsaftensdag (New Year's Eve)");

  private final MonthDay day;
  private final String displayName;

  OptionalHoliday(MonthDay day, String displayName) {
    this.day = day;
    this.displayName = displayName;
  }

  /** This day as a {@link Holiday} of the given year. */
  public Holiday in(int year) {
    LocalDate date = day.atYear(year);
    return new Holiday(date, displayName);
  }
}
