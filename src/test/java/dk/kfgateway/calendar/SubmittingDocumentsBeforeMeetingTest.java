package dk.kfgateway.calendar;

import static dk.kfgateway.calendar.Copenhagen.at;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.rules.Verdict;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Midtjylland aftale 4.4 / bilag 13: case documents reach the coordinator 10 working days before the meeting. */
class SubmittingDocumentsBeforeMeetingTest {

  private final WorkingDayCalendar calendar = WorkingDayCalendar.danish();
  private final DocumentLeadTimeRule rule = DocumentLeadTimeRule.defaults(calendar);

  @ParameterizedTest(name = "meeting {0}, submitted {1}: allowed {2}")
  @CsvSource({
    "2025-05-22T10:00, 2025-05-08T23:59, true", // the same weekday two weeks before, last minute
    "2025-05-22T10:00, 2025-05-09T00:00, false", // one day late
    "2025-05-22T10:00, 2025-04-30T12:00, true",
    "2025-04-29T10:00, 2025-04-10T16:00, true", // across Easter: Thursday 10 April is the last day
    "2025-04-29T10:00, 2025-04-11T08:00, false",
    "2025-06-13T09:00, 2025-05-27T15:00, true", // across Ascension, Constitution Day, Whit Monday
    "2025-06-13T09:00, 2025-05-28T08:00, false",
    "2025-05-22T10:00, 2025-05-23T10:00, false" // after the meeting
  })
  void documentsMustArriveTenWorkingDaysBefore(String meeting, String submitted, boolean allowed) {
    Verdict verdict = rule.check(at(submitted), at(meeting));

    assertThat(verdict.isAllowed()).isEqualTo(allowed);
    assertThat(verdict.breaks("CAL-001")).isEqualTo(!allowed);
  }

  @Test
  void theRefusalNamesTheLatestAllowedDateTheSourceAndTheEarliestPossibleMeeting() {
    Verdict verdict = rule.check(at("2025-05-12T09:00"), at("2025-05-22T10:00"));

    assertThat(verdict.violations()).singleElement().satisfies(violation -> {
      assertThat(violation.rule().id()).isEqualTo("CAL-001");
      assertThat(violation.rule().source()).contains("Midtjylland aftale 4.4").contains("bilag 13");
      assertThat(violation.message())
          .contains("10 working days")
          .contains("Thursday 2025-05-22")
          .contains("latest allowed submission date is Thursday 2025-05-08")
          .contains("submitted on Monday 2025-05-12")
          .contains("meeting on Monday 2025-05-26 or later");
    });
  }

  @Test
  void anAgreementMaySetAnotherLeadTime() {
    DocumentLeadTimeRule fiveDays = new DocumentLeadTimeRule(calendar, 5, "Aftale Region Sjælland 2025 pkt. 4");

    assertThat(fiveDays.latestSubmissionDate(at("2025-05-22T10:00"))).isEqualTo(LocalDate.of(2025, 5, 15));
    assertThat(fiveDays.check(at("2025-05-15T12:00"), at("2025-05-22T10:00")).isAllowed()).isTrue();
    assertThat(fiveDays.check(at("2025-05-16T12:00"), at("2025-05-22T10:00")).violations())
        .singleElement()
        .satisfies(v -> assertThat(v.rule().source()).isEqualTo("Aftale Region Sjælland 2025 pkt. 4"));
  }
}
