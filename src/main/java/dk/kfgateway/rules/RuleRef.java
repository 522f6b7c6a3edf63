package dk.kfgateway.rules;

/**
 * A business rule's stable id and the paragraph of the source it comes from, e.g.
 * {@code new RuleRef("REF-004", "guide pkt. 12")}. Both appear in code, refusals and tests; every id is listed, with
 * what the rule says, in the {@link RuleCatalogue}.
 */
public record RuleRef(String id, String source) {

  /** The text shown to people: "[REF-004] message (source: guide pkt. 12)". */
  public String display(String message) {
    return "[" + id + "] " + message + " (source: " + source + ")";
  }
}
