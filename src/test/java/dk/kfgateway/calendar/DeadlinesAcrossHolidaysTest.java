package dk.kfgateway.calendar;

import static dk.kfgateway.calendar.Copenhagen.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlinesAcrossHolidaysTest {

  private final DeadlineCalculator calculator = new DeadlineCalculator(WorkingDayCalendar.danish());
  private final DeadlineRules rules = DeadlineRules.defaults();

  @ParameterizedTest(name = "{0}: received {1}, due {2}")
  @CsvSource({
    // calendar days ignore holidays
    "calendar-days-14, 2025-04-14T10:00, 2025-04-28T10:00",
    "calendar-days-14, 2025-05-22T16:30, 2025-06-05T16:30",
    "calendar-days-14, 2025-03-20T10:00, 2025-04-03T10:00", // across the change to summer time
    "calendar-days-30, 2025-12-10T09:00, 2026-01-09T09:00",
    // working days skip weekends and holidays
    "working-days-10, 2025-04-10T09:00, 2025-04-29T09:00", // Easter
    "working-days-10, 2025-05-27T12:00, 2025-06-13T12:00", // Ascension, Constitution Day, Whit Monday
    "working-days-10, 2025-12-22T08:00, 2026-01-12T08:00", // Christmas and New Year
    "working-days-10, 2025-04-12T11:00, 2025-05-01T00:00", // received Saturday: end of the 10th working day
    // 48 hours on working days
    "working-hours-48, 2025-04-16T10:00, 2025-04-23T10:00",
    "working-hours-48, 2025-06-06T08:00, 2025-06-11T08:00", // Whit Monday
    "working-hours-48, 2025-12-23T15:00, 2025-12-30T15:00"
  })
  void theDefaultRuleGivesTheDueInstant(String code, String received, String due) {
    DeadlineRule rule = rules.forCode(code).orElseThrow();

    assertThat(calculator.due(rule, at(received))).contains(at(due));
  }

  @Test
  void aMeetingDateRuleIsDueAtTheMeeting() {
    DeadlineRule rule = rules.forCode(DeadlineRules.MEETING_DATE).orElseThrow();

    assertThat(calculator.due(rule, at("2025-04-10T09:00"), at("2025-04-29T13:00"))).contains(at("2025-04-29T13:00"));
  }

  @Test
  void aMeetingDateRuleWithoutAMeetingIsAProgrammingError() {
    DeadlineRule rule = rules.forCode(DeadlineRules.MEETING_DATE).orElseThrow();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> calculator.due(rule, at("2025-04-10T09:00")))
        .withMessageContaining("meeting");
  }

  @Test
  void aDeadlineByAgreementHasNoDueDateAndNoClock() {
    DeadlineRule rule = rules.forCode(DeadlineRules.BY_AGREEMENT).orElseThrow();

    assertThat(calculator.due(rule, at("2025-04-10T09:00"))).isEmpty();
    assertThat(calculator.startClock(rule, at("2025-04-10T09:00"), null)).isEmpty();
  }

  @Test
  void anAgreementCountingChristmasEveAsWorkingGivesAnEarlierDueDate() {
    DeadlineCalculator statutory = new DeadlineCalculator(new WorkingDayCalendar(DanishHolidays.statutoryOnly()));
    DeadlineRule rule = rules.forCode(DeadlineRules.WORKING_DAYS_10).orElseThrow();

    assertThat(statutory.due(rule, at("2025-12-22T08:00"))).contains(at("2026-01-08T08:00"));
  }

  @Test
  void aCaseSpecificDeadlineReplacesTheAgreedRule() {
    DeadlineRule agreed = rules.forCode(DeadlineRules.CALENDAR_DAYS_14).orElseThrow();
    CaseSpecificDeadline longer =
        CaseSpecificDeadline.of("calendar-days:28", "supplementary records from the hospital are awaited");

    DeadlineRule effective = CaseSpecificDeadline.effective(agreed, longer);

    assertThat(calculator.due(effective, at("2025-04-14T10:00"))).contains(at("2025-05-12T10:00"));
    assertThat(CaseSpecificDeadline.effective(agreed, null)).isSameAs(agreed);
  }
}
