package dk.kfgateway.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Danish working days (<i>hverdage</i> / <i>arbejdsdage</i>): Monday to Friday, except {@link DanishHolidays
 * holidays}, in Europe/Copenhagen.
 *
 * <p><b>Working time</b> (for "answered within 48 hours on working days", guide pkt. 4): every working day counts with
 * all its hours, 00:00 to 24:00 local time; weekends and holidays do not count at all. So 48 working hours from
 * Friday 14:00 end on Tuesday 14:00 (10 hours on Friday, 24 on Monday, 14 on Tuesday), and a period that starts on a
 * non-working day starts counting at 00:00 of the next working day. Working time is real elapsed time; daylight-saving
 * changes happen on Sundays in the EU, so a working day always has 24 hours.
 *
 * <p>Immutable and thread-safe; never reads the clock.
 */
public final class WorkingDayCalendar {

  /** The time zone of every Danish deadline. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

  private final DanishHolidays holidays;

  public WorkingDayCalendar(DanishHolidays holidays) {
    this.holidays = holidays;
  }

  /** The default calendar: {@link DanishHolidays#publicSector()}. */
  public static WorkingDayCalendar danish() {
    return new WorkingDayCalendar(DanishHolidays.publicSector());
  }

  public DanishHolidays holidays() {
    return holidays;
  }

  /** True on Monday to Friday unless the date is a holiday. */
  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.isHoliday(date);
  }

  /** The first working day strictly after the date. */
  public LocalDate nextWorkingDay(LocalDate date) {
    return plusWorkingDays(date, 1);
  }

  /** The last working day strictly before the date (<i>den forudgående arbejdsdag</i>). */
  public LocalDate previousWorkingDay(LocalDate date) {
    return plusWorkingDays(date, -1);
  }

  /**
   * The date reached by counting {@code n} working days from {@code date}, the date itself not counted: Friday plus 1
   * is Monday. A negative {@code n} counts backwards ("10 working days before the meeting"); 0 gives the date itself.
   */
  public LocalDate plusWorkingDays(LocalDate date, int n) {
    int step = Integer.signum(n);
    LocalDate current = date;
    for (int left = Math.abs(n); left > 0; ) {
      current = current.plusDays(step);
      if (isWorkingDay(current)) {
        left--;
      }
    }
    return current;
  }

  /**
   * The number of working days after {@code from} up to and including {@code to}, so that {@code
   * workingDaysBetween(d, plusWorkingDays(d, n)) == n} for n &ge; 0; negative when {@code to} is before {@code from}.
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -workingDaysBetween(to, from);
    }
    return (int) from.plusDays(1).datesUntil(to.plusDays(1)).filter(this::isWorkingDay).count();
  }

  /** {@code start} plus the given working hours (see class Javadoc), in Europe/Copenhagen. */
  public ZonedDateTime plusWorkingHours(ZonedDateTime start, long hours) {
    return plusWorkingTime(start.toInstant(), Duration.ofHours(hours)).atZone(ZONE);
  }

  /**
   * The earliest instant at which {@code amount} of working time has passed since {@code start}. A zero amount gives
   * {@code start} itself; a period that ends exactly at the end of a working day ends at 00:00 of the next day.
   */
  public Instant plusWorkingTime(Instant start, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("working time must not be negative: " + amount);
    }
    Duration left = amount;
    ZonedDateTime at = start.atZone(ZONE);
    while (!left.isZero()) {
      LocalDate day = at.toLocalDate();
      ZonedDateTime dayEnd = day.plusDays(1).atStartOfDay(ZONE);
      if (!isWorkingDay(day)) {
        at = nextWorkingDay(day).atStartOfDay(ZONE);
        continue;
      }
      Duration available = Duration.between(at, dayEnd);
      if (left.compareTo(available) <= 0) {
        return at.toInstant().plus(left);
      }
      left = left.minus(available);
      at = dayEnd;
    }
    return at.toInstant();
  }

  /** The working time between two instants (see class Javadoc); zero when {@code to} is not after {@code from}. */
  public Duration workingTimeBetween(Instant from, Instant to) {
    Duration total = Duration.ZERO;
    for (ZonedDateTime at = from.atZone(ZONE); at.toInstant().isBefore(to); ) {
      LocalDate day = at.toLocalDate();
      ZonedDateTime dayEnd = day.plusDays(1).atStartOfDay(ZONE);
      Instant end = dayEnd.toInstant().isBefore(to) ? dayEnd.toInstant() : to;
      if (isWorkingDay(day)) {
        total = total.plus(Duration.between(at.toInstant(), end));
      }
      at = dayEnd;
    }
    return total;
  }
}
