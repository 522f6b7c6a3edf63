package dk.kfgateway.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The defaults hold "unless otherwise agreed": a municipality–region agreement overrides the gateway's setting, which
 * overrides the source's default (bkg 2019 §20-§23).
 */
class AgreedDeadlinesTest {

  private static final Instant RECEIVED = at(2026, 12, 1, 10, 0);

  private final DeadlinePolicy policy =
      new DeadlinePolicy(
          Map.of("calendar-days-14", "calendar-days:21 @ Aftale Region Sjælland 2026"),
          Map.of("municipality-kalundborg", Map.of("calendar-days-14", "working-days:5 @ Aftale Kalundborg 2026")),
          WorkingDayCalendar.danish());

  @Test
  void withoutAnAgreementTheSourcesDefaultHolds() {
    var due = policy.atReceipt("calendar-days-30", "municipality-holbaek", RECEIVED, Optional.empty()).orElseThrow();

    assertThat(due.at()).isEqualTo(at(2026, 12, 31, 10, 0));
    assertThat(due.source()).contains("§23");
  }

  @Test
  void theGatewaysSettingOverridesTheDefault() {
    var due = policy.atReceipt("calendar-days-14", "municipality-holbaek", RECEIVED, Optional.empty()).orElseThrow();

    assertThat(due.at()).isEqualTo(at(2026, 12, 22, 10, 0));
    assertThat(due.source()).isEqualTo("Aftale Region Sjælland 2026");
  }

  @Test
  void aMunicipalitysAgreementOverridesBoth() {
    var due = policy.atReceipt("calendar-days-14", "municipality-kalundborg", RECEIVED, Optional.empty()).orElseThrow();

    assertThat(due.at()).isEqualTo(at(2026, 12, 8, 10, 0));
    assertThat(due.source()).isEqualTo("Aftale Kalundborg 2026");
  }

  @Test
  void aMeetingRuleIsDueAtTheMeetingAndByAgreementHasNoDueDate() {
    Instant meeting = at(2027, 1, 14, 9, 0);

    assertThat(policy.atReceipt("meeting-date", null, RECEIVED, Optional.of(meeting)).orElseThrow().at())
        .isEqualTo(meeting);
    assertThat(policy.atReceipt("by-agreement", null, RECEIVED, Optional.empty())).isEmpty();
  }

  @Test
  void aPauseOverChristmasGivesBackTheWorkingDaysLeft() {
    Instant due = at(2026, 12, 23, 10, 0);

    Instant moved = policy.afterPause("working-days-10", null, due, at(2026, 12, 21, 10, 0), at(2027, 1, 4, 10, 0));

    assertThat(moved).isEqualTo(at(2027, 1, 6, 10, 0));
  }

  @Test
  void aTaskWithAnAgreedDateResumesWithTheCalendarTimeLeft() {
    Instant due = at(2026, 12, 10, 12, 0);

    Instant moved = policy.afterPause("by-agreement", null, due, at(2026, 12, 1, 12, 0), at(2026, 12, 3, 12, 0));

    assertThat(moved).isEqualTo(at(2026, 12, 12, 12, 0));
  }

  private static Instant at(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(WorkingDayCalendar.ZONE).toInstant();
  }
}
