package dk.kfgateway.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfiguringDeadlineRulesTest {

  @ParameterizedTest(name = "{0} defaults to {1} {2} ({3})")
  @CsvSource(
      delimiter = '|',
      value = {
        "calendar-days-14 | CALENDAR_DAYS | 14 | bkg 2019 §21/§22",
        "calendar-days-30 | CALENDAR_DAYS | 30 | bkg 2019 §23",
        "working-hours-48 | WORKING_HOURS | 48 | guide pkt. 4",
        "working-days-10  | WORKING_DAYS  | 10 | guide pkt. 11",
        "meeting-date     | MEETING_DATE  | 0  | guide pkt. 1",
        "by-agreement     | BY_AGREEMENT  | 0  | bkg 2019 §20"
      })
  void everyContractCodeHasADefaultWithItsSource(String code, DeadlineKind kind, int amount, String source) {
    DeadlineRule rule = DeadlineRules.defaults().forCode(code).orElseThrow();

    assertThat(rule.kind()).isEqualTo(kind);
    assertThat(rule.amount()).isEqualTo(amount);
    assertThat(rule.source()).contains(source);
  }

  @Test
  void theDefaultsHoldExactlyTheContractCodes() {
    assertThat(DeadlineRules.defaults().asMap())
        .containsOnlyKeys(
            "calendar-days-14",
            "calendar-days-30",
            "working-hours-48",
            "working-days-10",
            "meeting-date",
            "by-agreement");
    assertThat(DeadlineRules.defaults().forCode("calendar-days-15")).isEmpty();
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "calendar-days:21                                   | CALENDAR_DAYS | 21 | (agreement)",
        "working-days:5 @ Aftale Region Sjælland 2025 pkt. 4 | WORKING_DAYS  | 5  | Aftale Region Sjælland 2025 pkt. 4",
        " working-hours : 24 @ guide pkt. 4                  | WORKING_HOURS | 24 | guide pkt. 4",
        "meeting-date                                       | MEETING_DATE  | 0  | (agreement)",
        "by-agreement @ Aftale Holbæk: Region Sjælland      | BY_AGREEMENT  | 0  | Aftale Holbæk: Region Sjælland"
      })
  void aConfigurationStringGivesTheRule(String spec, DeadlineKind kind, int amount, String source) {
    String expectedSource = source.equals("(agreement)") ? DeadlineRule.AGREEMENT_SOURCE : source;

    assertThat(DeadlineRule.parse(spec)).isEqualTo(new DeadlineRule(kind, amount, expectedSource));
  }

  @ParameterizedTest(name = "''{0}'' is refused")
  @ValueSource(
      strings = {"calendar-weeks:2", "calendar-days", "calendar-days:", "calendar-days:two", "working-days:0",
        "working-days:-3", "meeting-date:5", "by-agreement:1", "working-days:5 @ ", ""})
  void aBadConfigurationStringFailsLoudly(String spec) {
    assertThatIllegalArgumentException().isThrownBy(() -> DeadlineRule.parse(spec));
  }

  @Test
  void aRuleReadsBackFromItsOwnConfigurationString() {
    DeadlineRules.defaults()
        .asMap()
        .values()
        .forEach(rule -> assertThat(DeadlineRule.parse(rule.toSpec())).isEqualTo(rule));
  }

  @Nested
  class AnAgreementOverridingDefaults {

    @Test
    void replacesOnlyTheCodesItNames() {
      DeadlineRules agreed =
          DeadlineRules.defaults()
              .withOverrides(Map.of("calendar-days-14", "calendar-days:21 @ Aftale Region Sjælland 2025 pkt. 3"));

      assertThat(agreed.forCode("calendar-days-14"))
          .contains(DeadlineRule.calendarDays(21, "Aftale Region Sjælland 2025 pkt. 3"));
      assertThat(agreed.forCode("working-days-10")).isEqualTo(DeadlineRules.defaults().forCode("working-days-10"));
    }

    @Test
    void withAnUnknownCodeFailsAtStartUp() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> DeadlineRules.defaults().withOverrides(Map.of("calendar-days-15", "calendar-days:15")))
          .withMessageContaining("calendar-days-15");
    }
  }

  @Nested
  class ACaseSpecificDeadline {

    @Test
    void carriesItsReason() {
      CaseSpecificDeadline deadline = CaseSpecificDeadline.of("working-days:20", "citizen hospitalised");

      assertThat(deadline.rule()).isEqualTo(DeadlineRule.parse("working-days:20"));
      assertThat(deadline.reason()).isEqualTo("citizen hospitalised");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void needsAReason(String reason) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> CaseSpecificDeadline.of("working-days:20", reason))
          .withMessageContaining("reason");
    }
  }

  @Test
  void aRuleDescribesItselfForMessages() {
    assertThat(DeadlineRules.defaults().forCode("working-hours-48").orElseThrow().describe())
        .isEqualTo("48 hours on working days (guide pkt. 4)");
  }
}
