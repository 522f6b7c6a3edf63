package dk.kfgateway.calendar;

import static dk.kfgateway.calendar.Copenhagen.at;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.rules.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Guide pkt. 1: a case sparring is booked the previous working day and at least 24 hours before. */
class BookingCaseSparringTest {

  private final SparringBookingRule rule = new SparringBookingRule(WorkingDayCalendar.danish());

  @ParameterizedTest(name = "sparring {0}, booked {1}: allowed {2}")
  @CsvSource({
    "2025-05-20T10:00, 2025-05-19T10:00, true", // Tuesday: exactly 24 hours before
    "2025-05-20T10:00, 2025-05-19T10:01, false", // Tuesday: 23 h 59 min before
    "2025-05-19T09:00, 2025-05-16T23:59, true", // Monday: late on the previous working day, Friday
    "2025-05-19T09:00, 2025-05-17T08:00, false", // Monday: Saturday is more than 24 h before but not a working day
    "2025-04-22T10:00, 2025-04-16T16:00, true", // Tuesday after Easter: previous working day is Wednesday 16 April
    "2025-04-22T10:00, 2025-04-17T09:00, false", // Maundy Thursday is too late
    "2025-05-20T10:00, 2025-05-20T11:00, false" // after the sparring
  })
  void bookingMustBeMadeThePreviousWorkingDayAndAtLeast24HoursBefore(
      String sparring, String booked, boolean allowed) {
    Verdict verdict = rule.check(at(booked), at(sparring));

    assertThat(verdict.isAllowed()).isEqualTo(allowed);
    assertThat(verdict.breaks("CAL-002")).isEqualTo(!allowed);
  }

  @Test
  void theLatestBookingIsTheEarlierOfTheTwoLimits() {
    assertThat(rule.latestBooking(at("2025-05-20T10:00"))).isEqualTo(at("2025-05-19T10:00"));
    assertThat(rule.latestBooking(at("2025-05-19T09:00")))
        .isAfter(at("2025-05-16T23:59"))
        .isBefore(at("2025-05-17T00:00"));
  }

  @Test
  void theRefusalSaysByWhenItShouldHaveBeenBooked() {
    Verdict verdict = rule.check(at("2025-05-17T08:00"), at("2025-05-19T09:00"));

    assertThat(verdict.violations()).singleElement().satisfies(violation -> {
      assertThat(violation.rule()).isEqualTo(SparringBookingRule.RULE);
      assertThat(violation.rule().source()).isEqualTo("guide pkt. 1");
      assertThat(violation.message())
          .contains("sparring at Monday 2025-05-19 09:00")
          .contains("latest allowed booking was Friday 2025-05-16 23:59")
          .contains("booked Saturday 2025-05-17 08:00");
      assertThat(violation.display()).startsWith("[CAL-002] ").endsWith("(source: guide pkt. 1)");
    });
  }
}
