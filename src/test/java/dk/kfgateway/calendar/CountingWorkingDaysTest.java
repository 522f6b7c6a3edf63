package dk.kfgateway.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountingWorkingDaysTest {

  private final WorkingDayCalendar calendar = WorkingDayCalendar.danish();

  @ParameterizedTest(name = "{0} is a working day: {1}")
  @CsvSource({
    "2025-04-16, true", // Wednesday before Easter
    "2025-04-17, false", // Maundy Thursday
    "2025-04-19, false", // Saturday
    "2025-04-21, false", // Easter Monday
    "2025-04-22, true",
    "2025-06-05, false", // Constitution Day, non-working by default
    "2025-12-24, false", // Christmas Eve, non-working by default
    "2023-05-05, false", // Great Prayer Day 2023
    "2024-04-26, true" // the Friday that was Great Prayer Day until 2023
  })
  void weekdaysWorkUnlessTheyAreHolidays(LocalDate date, boolean working) {
    assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
  }

  @Test
  void theNextWorkingDayAfterTheWednesdayBeforeEasterIsTheTuesdayAfter() {
    assertThat(calendar.nextWorkingDay(LocalDate.of(2025, 4, 16))).isEqualTo(LocalDate.of(2025, 4, 22));
  }

  @Test
  void thePreviousWorkingDayBeforeTheTuesdayAfterEasterIsTheWednesdayBefore() {
    assertThat(calendar.previousWorkingDay(LocalDate.of(2025, 4, 22))).isEqualTo(LocalDate.of(2025, 4, 16));
  }

  @ParameterizedTest(name = "{0} plus {1} working days is {2}")
  @CsvSource({
    "2025-05-16, 1, 2025-05-19", // Friday to Monday
    "2025-04-10, 10, 2025-04-29", // across Easter
    "2025-05-27, 10, 2025-06-13", // across Ascension, Constitution Day and Whit Monday
    "2025-12-22, 10, 2026-01-12", // across Christmas and New Year
    "2025-05-22, -10, 2025-05-08", // backwards, no holidays
    "2025-04-29, -10, 2025-04-10", // backwards across Easter
    "2025-04-19, 0, 2025-04-19" // zero keeps the date, even a Saturday
  })
  void addingWorkingDaysSkipsWeekendsAndHolidays(LocalDate from, int n, LocalDate expected) {
    assertThat(calendar.plusWorkingDays(from, n)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} to {1}: {2} working days")
  @CsvSource({
    "2025-04-10, 2025-04-29, 10",
    "2025-05-27, 2025-06-13, 10",
    "2025-12-22, 2026-01-12, 10",
    "2025-04-17, 2025-04-21, 0", // Maundy Thursday to Easter Monday
    "2025-04-29, 2025-04-10, -10",
    "2025-05-19, 2025-05-19, 0"
  })
  void countingWorkingDaysBetweenDatesIsTheInverseOfAdding(LocalDate from, LocalDate to, int expected) {
    assertThat(calendar.workingDaysBetween(from, to)).isEqualTo(expected);
  }

  @Test
  void withStatutoryHolidaysOnlyChristmasEveIsAWorkingDay() {
    WorkingDayCalendar statutory = new WorkingDayCalendar(DanishHolidays.statutoryOnly());

    assertThat(statutory.isWorkingDay(LocalDate.of(2025, 12, 24))).isTrue();
    assertThat(statutory.plusWorkingDays(LocalDate.of(2025, 12, 22), 10)).isEqualTo(LocalDate.of(2026, 1, 8));
  }
}
