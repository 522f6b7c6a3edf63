package dk.kfgateway.settlement;

import dk.kfgateway.rules.RuleRef;

/** The settlement rules' ids and sources (SET-xxx), as they appear on ChargeItems, Invoice lines and refusals. */
public final class SettlementRules {

  public static final RuleRef LE275_ASSESSMENT = new RuleRef("SET-001", "bkg 2019 §18 stk. 2, bilag 1");
  public static final RuleRef MEETING_DAY_POINTS = new RuleRef("SET-002", "guide pkt. 1, 6, 7");
  public static final RuleRef MEDICAL_ESTIMATE_HALF_HOURS = new RuleRef("SET-003", "guide pkt. 11");
  public static final RuleRef NO_SHOW_FEE = new RuleRef("SET-004", "guide pkt. 8");
  public static final RuleRef LATE_CANCELLATION_FEE = new RuleRef("SET-005", "guide pkt. 8");
  public static final RuleRef STARTED_COORDINATOR_CASE = new RuleRef("SET-006", "Midtjylland aftale 7.1; bkg 2019 §17");
  public static final RuleRef CANCELLED_BEFORE_WORK = new RuleRef("SET-007", "guide pkt. 8; Midtjylland aftale 7.1");
  public static final RuleRef COORDINATOR_INSTALMENT =
      new RuleRef("SET-008", "bkg 2019 §17 stk. 2, §19 stk. 2, bilag 1; Midtjylland aftale 7.3");
  public static final RuleRef YEAR_END_DEVIATION = new RuleRef("SET-009", "Midtjylland aftale 7.3; bkg 2019 §17 stk. 4");
  public static final RuleRef PAYMENT_DUE = new RuleRef("SET-010", "bkg 2019 §19 stk. 3; Midtjylland aftale 7.3");
  public static final RuleRef MONTH_SETTLED_ONCE = new RuleRef("SET-011", "bkg 2019 §19 stk. 2");
  public static final RuleRef CORRECTION_CREDITS = new RuleRef("SET-012", "bkg 2019 §19");
  public static final RuleRef RECORDED_TIMES = new RuleRef("SET-013", "guide pkt. 8, 11");
  public static final RuleRef REGION_ISSUES = new RuleRef("SET-014", "bkg 2019 §19; Midtjylland aftale 7.3");

  /** The system of the rule codings on ChargeItems and Invoice lines (as in OperationOutcome details). */
  public static final String SYSTEM = "http://kf-gateway.dk/fhir/rule";

  private SettlementRules() {}

  /** The rule as an agreement applies it: the clause of the agreement that set the figure added to its source. */
  static RuleRef under(RuleRef rule, String agreed) {
    return new RuleRef(rule.id(), rule.source() + "; " + agreed);
  }
}
