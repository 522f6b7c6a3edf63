package dk.kfgateway.calendar;

import static dk.kfgateway.calendar.Copenhagen.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Guide pkt. 13: while the citizen's consent is being settled the case is on hold and its deadline stops. */
class CaseOnHoldTest {

  private final WorkingDayCalendar calendar = WorkingDayCalendar.danish();
  private final DeadlineCalculator calculator = new DeadlineCalculator(calendar);

  private DeadlineClock clockFor(String code, String received) {
    DeadlineRule rule = DeadlineRules.defaults().forCode(code).orElseThrow();
    return calculator.startClock(rule, at(received), null).orElseThrow();
  }

  @Nested
  class WithACalendarDayRule {

    // received Monday 7 April 10:00, 14 days: due Monday 21 April 10:00
    private final DeadlineClock clock = clockFor(DeadlineRules.CALENDAR_DAYS_14, "2025-04-07T10:00");

    @Test
    void onePauseGivesBackTheCalendarTimeThatWasLeft() {
      // 11 days left at the hold; five days on hold
      DeadlineClock resumed = clock.pause(at("2025-04-10T10:00"), at("2025-04-15T10:00"));

      assertThat(clock.due()).isEqualTo(at("2025-04-21T10:00"));
      assertThat(resumed.due()).isEqualTo(at("2025-04-26T10:00"));
    }

    @Test
    void twoPausesAddUp() {
      DeadlineClock resumed =
          clock
              .pause(at("2025-04-10T10:00"), at("2025-04-15T10:00"))
              .pause(at("2025-04-20T10:00"), at("2025-04-22T10:00"));

      assertThat(resumed.due()).isEqualTo(at("2025-04-28T10:00"));
    }
  }

  @Nested
  class WithAWorkingDayRule {

    // received Monday 7 April 09:00, 10 working days across Easter: due Thursday 24 April 09:00
    private final DeadlineClock clock = clockFor(DeadlineRules.WORKING_DAYS_10, "2025-04-07T09:00");

    @Test
    void aPauseOverEasterDoesNotEatTheDeadline() {
      // five working days left at Monday 14 April 09:00; resumed the Tuesday after Easter
      DeadlineClock onHold = clock.hold(at("2025-04-14T09:00"));
      DeadlineClock resumed = onHold.resume(at("2025-04-22T09:00"));

      assertThat(clock.due()).isEqualTo(at("2025-04-24T09:00"));
      assertThat(onHold.isOnHold()).isTrue();
      assertThat(onHold.heldSince()).contains(at("2025-04-14T09:00"));
      assertThat(resumed.isOnHold()).isFalse();
      assertThat(resumed.due()).isEqualTo(at("2025-04-29T09:00"));
      assertThat(calendar.workingTimeBetween(at("2025-04-22T09:00"), resumed.due())).isEqualTo(Duration.ofDays(5));
    }

    @Test
    void twoPausesAddUp() {
      DeadlineClock resumed =
          clock
              .pause(at("2025-04-14T09:00"), at("2025-04-22T09:00"))
              .pause(at("2025-04-24T09:00"), at("2025-04-28T09:00"));

      // three working days left at the second hold, counted again from Monday 28 April 09:00
      assertThat(resumed.due()).isEqualTo(at("2025-05-01T09:00"));
    }

    @Test
    void theRemainingTimeIsWorkingTime() {
      assertThat(clock.remainingAt(at("2025-04-14T09:00"))).isEqualTo(Duration.ofDays(5));
    }
  }

  @Nested
  class WithFortyEightWorkingHours {

    @Test
    void aPauseOverAWeekendGivesBackTheWorkingHoursLeft() {
      // received Thursday 09:00, due Monday 09:00; on hold Friday 09:00 (24 working hours left) until Tuesday 12:00
      DeadlineClock clock = clockFor(DeadlineRules.WORKING_HOURS_48, "2025-05-15T09:00");

      DeadlineClock resumed = clock.pause(at("2025-05-16T09:00"), at("2025-05-20T12:00"));

      assertThat(clock.due()).isEqualTo(at("2025-05-19T09:00"));
      assertThat(resumed.due()).isEqualTo(at("2025-05-21T12:00"));
    }
  }

  @Nested
  class WhatAPauseDoesNotMove {

    @Test
    void aDeadlineAlreadyMissedStaysMissed() {
      DeadlineClock clock = clockFor(DeadlineRules.CALENDAR_DAYS_14, "2025-04-07T10:00");

      assertThat(clock.pause(at("2025-04-22T10:00"), at("2025-04-30T10:00")).due()).isEqualTo(at("2025-04-21T10:00"));
    }

    @Test
    void aMeetingDoesNotMoveBecauseTheCaseWasOnHold() {
      DeadlineRule rule = DeadlineRules.defaults().forCode(DeadlineRules.MEETING_DATE).orElseThrow();
      DeadlineClock clock = calculator.startClock(rule, at("2025-04-07T10:00"), at("2025-04-29T13:00")).orElseThrow();

      assertThat(clock.pause(at("2025-04-10T10:00"), at("2025-04-15T10:00")).due()).isEqualTo(at("2025-04-29T13:00"));
    }

    @Test
    void holdingTwiceKeepsTheFirstHoldStart() {
      DeadlineClock clock = clockFor(DeadlineRules.CALENDAR_DAYS_14, "2025-04-07T10:00");

      DeadlineClock held = clock.hold(at("2025-04-10T10:00")).hold(at("2025-04-12T10:00"));

      assertThat(held.heldSince()).contains(at("2025-04-10T10:00"));
      assertThat(held.resume(at("2025-04-15T10:00")).due()).isEqualTo(at("2025-04-26T10:00"));
    }

    @Test
    void resumingARunningClockChangesNothing() {
      DeadlineClock clock = clockFor(DeadlineRules.CALENDAR_DAYS_14, "2025-04-07T10:00");

      assertThat(clock.resume(at("2025-04-15T10:00"))).isSameAs(clock);
    }
  }

  @Test
  void resumingBeforeTheHoldStartedIsRefused() {
    DeadlineClock held = clockFor(DeadlineRules.CALENDAR_DAYS_14, "2025-04-07T10:00").hold(at("2025-04-10T10:00"));

    assertThatIllegalArgumentException().isThrownBy(() -> held.resume(at("2025-04-09T10:00")));
  }
}
