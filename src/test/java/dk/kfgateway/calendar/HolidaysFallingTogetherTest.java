package dk.kfgateway.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** An optional day off may fall on a public holiday: 5 June (Constitution Day) is Whit Monday in 2028. */
class HolidaysFallingTogetherTest {

  @Test
  void constitutionDayOnWhitMonday2028IsOneDayOff() {
    DanishHolidays holidays = DanishHolidays.publicSector();

    assertThat(holidays.isHoliday(LocalDate.of(2028, 6, 5))).isTrue();
    assertThat(holidays.in(2028)).filteredOn(h -> h.date().equals(LocalDate.of(2028, 6, 5))).hasSize(1);
  }

  @Test
  void workingDaysAcrossWhitsun2028AreCounted() {
    WorkingDayCalendar calendar = WorkingDayCalendar.danish();

    // Friday 2 June 2028 + 1 working day: Monday 5 June is Whit Monday (and Constitution Day) -> Tuesday 6 June
    assertThat(calendar.plusWorkingDays(LocalDate.of(2028, 6, 2), 1)).isEqualTo(LocalDate.of(2028, 6, 6));
  }
}
