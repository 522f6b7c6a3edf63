package dk.kfgateway.settlement;

import dk.kfgateway.ig.Ig;
import dk.kfgateway.rules.RuleRef;
import java.util.Arrays;
import java.util.Optional;

/**
 * What is charged (CodeSystem {@code kf-charge-codes}, one ChargeItemDefinition each): the code, the unit a quantity
 * counts, the rule that bills it and the key of its price in an agreement ({@code prices.<key>}).
 */
public enum ChargeCode {
  LE275_ASSESSMENT("le275-assessment", "case", SettlementRules.LE275_ASSESSMENT, "le275-assessment"),
  MEETING_DAY_POINTS("meeting-day-points", "point", SettlementRules.MEETING_DAY_POINTS, "meeting-day-point"),
  MEDICAL_ESTIMATE_HALF_HOURS("medical-estimate-half-hours", "started half hour",
      SettlementRules.MEDICAL_ESTIMATE_HALF_HOURS, "medical-estimate-hour"),
  NO_SHOW_FEE("no-show-fee", "fee", SettlementRules.NO_SHOW_FEE, "no-show-fee"),
  LATE_CANCELLATION_FEE("late-cancellation-fee", "fee", SettlementRules.LATE_CANCELLATION_FEE,
      "late-cancellation-fee"),
  STARTED_COORDINATOR_CASE("started-coordinator-case", "case", SettlementRules.STARTED_COORDINATOR_CASE,
      "started-coordinator-case"),
  COORDINATOR_INSTALMENT("coordinator-instalment", "month", SettlementRules.COORDINATOR_INSTALMENT, null),
  DEVIATION_SETTLEMENT("deviation-settlement", "case", SettlementRules.YEAR_END_DEVIATION, null);

  public static final String SYSTEM = Ig.codeSystem("kf-charge-codes");

  private final String code;
  private final String unit;
  private final RuleRef rule;
  private final String priceKey;

  ChargeCode(String code, String unit, RuleRef rule, String priceKey) {
    this.code = code;
    this.unit = unit;
    this.rule = rule;
    this.priceKey = priceKey;
  }

  public String code() {
    return code;
  }

  public String unit() {
    return unit;
  }

  public RuleRef rule() {
    return rule;
  }

  /** The key of the price in an agreement; null for what the settlement computes (instalment, deviation). */
  public String priceKey() {
    return priceKey;
  }

  /** The ChargeItemDefinition of the IG that describes this charge. */
  public String definition() {
    return Ig.CANONICAL + "/ChargeItemDefinition/" + code;
  }

  public static Optional<ChargeCode> of(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
  }
}
