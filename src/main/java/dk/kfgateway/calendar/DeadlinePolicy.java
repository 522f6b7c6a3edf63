package dk.kfgateway.calendar;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which deadline a task gets: the service's rule (kf-deadline-rules code) as configured for the municipality–region
 * agreement of the requesting municipality, else the gateway-wide configuration, else the default of the sources. And
 * how an on-hold pause moves it. Pure: the receipt, meeting and pause instants come from the caller.
 */
public final class DeadlinePolicy {

  /** A computed due date with the rule code and the source it came from, as recorded on the task. */
  public record Due(Instant at, String ruleCode, String source) {}

  private final DeadlineRules gatewayRules;
  private final Map<String, DeadlineRules> agreements;
  private final DeadlineCalculator calculator;
  private final WorkingDayCalendar calendar;

  /**
   * @param overrides gateway-wide overrides by rule code, in {@link DeadlineRule#parse} format
   * @param agreementOverrides per municipality (Organization id), overrides of its agreement with the region
   */
  public DeadlinePolicy(
      Map<String, String> overrides,
      Map<String, Map<String, String>> agreementOverrides,
      WorkingDayCalendar calendar) {
    this.gatewayRules = DeadlineRules.defaults().withOverrides(overrides);
    this.agreements =
        agreementOverrides.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> gatewayRules.withOverrides(e.getValue())));
    this.calculator = new DeadlineCalculator(calendar);
    this.calendar = calendar;
  }

  /** The due date when the region receives the case; empty for by-agreement rules or unknown codes. */
  public Optional<Due> atReceipt(String ruleCode, String municipality, Instant received, Optional<Instant> meeting) {
    Optional<DeadlineRule> rule = rulesFor(municipality).forCode(ruleCode);
    if (rule.isEmpty() || (rule.get().kind() == DeadlineKind.MEETING_DATE && meeting.isEmpty())) {
      return Optional.empty();
    }
    Optional<Instant> due =
        rule.get().kind() == DeadlineKind.MEETING_DATE
            ? calculator.due(rule.get(), received, meeting.get())
            : calculator.due(rule.get(), received);
    return due.map(at -> new Due(at, ruleCode, rule.get().source()));
  }

  /** The due date after an on-hold pause: the time that was left at the hold, counted again from the resumption. */
  public Instant afterPause(String ruleCode, String municipality, Instant due, Instant holdStart, Instant resumed) {
    DeadlineKind kind = rulesFor(municipality).forCode(ruleCode).map(DeadlineRule::kind).orElse(DeadlineKind.CALENDAR_DAYS);
    if (kind == DeadlineKind.BY_AGREEMENT) {
      // An agreed date (or a case-specific one under this code) is a date, not a clock: a pause moves it by calendar time.
      kind = DeadlineKind.CALENDAR_DAYS;
    }
    return DeadlineClock.running(kind, due, calendar).pause(holdStart, resumed).due();
  }

  private DeadlineRules rulesFor(String municipality) {
    return municipality == null ? gatewayRules : agreements.getOrDefault(municipality, gatewayRules);
  }
}
