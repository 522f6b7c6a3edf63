package dk.kfgateway.calendar;

import static dk.kfgateway.calendar.Copenhagen.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Guide pkt. 4: a terminal-illness assessment is answered within 48 hours on working days. */
class FortyEightWorkingHoursTest {

  private final WorkingDayCalendar calendar = WorkingDayCalendar.danish();

  @ParameterizedTest(name = "received {0}, answered by {1}")
  @CsvSource({
    "2025-05-19T09:30, 2025-05-21T09:30", // Monday: no weekend in between
    "2025-05-16T14:00, 2025-05-20T14:00", // Friday: the weekend is skipped
    "2025-05-17T09:00, 2025-05-21T00:00", // Saturday: counting starts Monday 00:00
    "2025-04-16T10:00, 2025-04-23T10:00", // Wednesday before Easter: five days off skipped
    "2025-05-28T12:00, 2025-06-02T12:00", // the day before Ascension Day
    "2025-12-23T15:00, 2025-12-30T15:00" // before Christmas Eve, Christmas Day and Boxing Day
  })
  void hoursOnlyCountOnWorkingDays(String received, String due) {
    ZonedDateTime start = at(received).atZone(WorkingDayCalendar.ZONE);

    ZonedDateTime answeredBy = calendar.plusWorkingHours(start, 48);

    assertThat(answeredBy.toInstant()).isEqualTo(at(due));
    assertThat(answeredBy.getZone()).isEqualTo(WorkingDayCalendar.ZONE);
  }

  @Test
  void zeroHoursIsTheStartItself() {
    Instant saturday = at("2025-05-17T09:00");

    assertThat(calendar.plusWorkingTime(saturday, Duration.ZERO)).isEqualTo(saturday);
  }

  @Test
  void workingTimeBetweenTwoInstantsLeavesOutTheWeekend() {
    assertThat(calendar.workingTimeBetween(at("2025-05-16T14:00"), at("2025-05-20T14:00")))
        .isEqualTo(Duration.ofHours(48));
  }

  @Test
  void workingTimeBetweenIsZeroBackwards() {
    assertThat(calendar.workingTimeBetween(at("2025-05-20T14:00"), at("2025-05-16T14:00"))).isZero();
  }
}
