package dk.kfgateway.rules;

/** The README tables the rule catalogue is printed in, each between its own marker comments. */
public enum RuleTable {
  RULES("Rules", "rules", "| id | rule | source | status |"),
  CONSENT("Consent (samtykke)", "consent-samtykke", "| id | rule | source | status |"),
  ROUTING("Results routing and GP delivery", "results-routing-and-gp-delivery", "| id | rule | source | status |"),
  SETTLEMENT("Settlement (afregning)", "settlement-afregning",
      "| id | billable event or rule | what the gateway does | source |");

  private final String section;
  private final String anchor;
  private final String header;

  RuleTable(String section, String anchor, String header) {
    this.section = section;
    this.anchor = anchor;
    this.header = header;
  }

  public String start() {
    return "<!-- rules: " + name().toLowerCase(java.util.Locale.ROOT) + " table, generated from the rule catalogue (rules.RuleCatalogue) -->";
  }

  public static String end() {
    return "<!-- rules: end -->";
  }

  String header() {
    return header + "\n" + "|---".repeat(header.split("\\|", -1).length - 2) + "|\n";
  }

  /** The row of one rule; the settlement table says what the gateway does before the source. */
  String row(RuleCatalogue.Entry rule) {
    String answer = this == SETTLEMENT
        ? rule.rule() + " | " + rule.answer() + " | " + rule.source()
        : rule.rule() + " | " + rule.source() + " | " + rule.answer();
    return "| " + rule.id() + " | " + answer + " |\n";
  }

  /** A row of the first table that points to this one. */
  String pointer(String ids) {
    return "| " + ids + " | see [" + section + "](#" + anchor + ") | | |\n";
  }
}
