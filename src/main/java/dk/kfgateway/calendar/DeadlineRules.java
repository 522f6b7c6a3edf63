package dk.kfgateway.calendar;

import dk.kfgateway.ig.Ig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The deadline rules of one municipality-region agreement, by code of CodeSystem {@code kf-deadline-rules}.
 *
 * <p>The bekendtgørelse gives its deadlines "unless otherwise agreed" (<i>hvis ikke andet er aftalt</i>), so {@link
 * #defaults()} holds the defaults with their sources and {@link #withOverrides(Map)} replaces some of them from
 * configuration strings ({@link DeadlineRule#parse(String)}). The codes themselves are fixed by the shared contract.
 * Immutable.
 */
public final class DeadlineRules {

  /** The canonical URL of the code system the codes belong to. */
  public static final String CODE_SYSTEM = Ig.codeSystem(Ig.CS_DEADLINE_RULES);

  public static final String CALENDAR_DAYS_14 = "calendar-days-14";
  public static final String CALENDAR_DAYS_30 = "calendar-days-30";
  public static final String WORKING_HOURS_48 = "working-hours-48";
  public static final String WORKING_DAYS_10 = "working-days-10";
  public static final String MEETING_DATE = "meeting-date";
  public static final String BY_AGREEMENT = "by-agreement";

  private static final DeadlineRules DEFAULTS =
      new DeadlineRules(
          Map.of(
              CALENDAR_DAYS_14,
              DeadlineRule.calendarDays(14, "bkg 2019 §21/§22 (2016 §22/§23); Midtjylland aftale 5.5"),
              CALENDAR_DAYS_30,
              DeadlineRule.calendarDays(30, "bkg 2019 §23 (2016 §24)"),
              WORKING_HOURS_48,
              DeadlineRule.workingHours(48, "guide pkt. 4"),
              WORKING_DAYS_10,
              DeadlineRule.workingDays(10, "guide pkt. 11"),
              MEETING_DATE,
              new DeadlineRule(DeadlineKind.MEETING_DATE, 0, "guide pkt. 1, 6, 7; bilag 13"),
              BY_AGREEMENT,
              new DeadlineRule(DeadlineKind.BY_AGREEMENT, 0, "bkg 2019 §20 (2016 §21)")));

  private final Map<String, DeadlineRule> byCode;

  private DeadlineRules(Map<String, DeadlineRule> byCode) {
    this.byCode = Map.copyOf(byCode);
  }

  /** The defaults of the bekendtgørelse and the guide, each with its source. */
  public static DeadlineRules defaults() {
    return DEFAULTS;
  }

  /**
   * These rules with some replaced, given as code to configuration string, e.g. {@code calendar-days-14 ->
   * "calendar-days:21 @ Aftale Region Sjælland 2025 pkt. 3"}. An unknown code or a bad string throws {@link
   * IllegalArgumentException}, so that a typo in an agreement fails at start-up rather than silently using a default.
   */
  public DeadlineRules withOverrides(Map<String, String> specsByCode) {
    Map<String, DeadlineRule> merged = new LinkedHashMap<>(byCode);
    specsByCode.forEach(
        (code, spec) -> {
          if (!byCode.containsKey(code)) {
            throw new IllegalArgumentException(
                "unknown code '" + code + "' of " + CODE_SYSTEM + "; known: " + byCode.keySet());
          }
          merged.put(code, DeadlineRule.parse(spec));
        });
    return new DeadlineRules(merged);
  }

  /** The rule for a code of {@code kf-deadline-rules}, empty for an unknown code. */
  public Optional<DeadlineRule> forCode(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** All rules by code. */
  public Map<String, DeadlineRule> asMap() {
    return byCode;
  }
}
