package dk.kfgateway.rules;

/**
 * One broken rule: which rule, what a caseworker or clinician should know, and where (a FHIRPath-like location such
 * as {@code DocumentReference[2].content[0].attachment}, or null when it concerns the whole request).
 */
public record Violation(RuleRef rule, Kind kind, String message, String location) {

  /** What kind of refusal this is; the HTTP adapter maps it to a status code. */
  public enum Kind {
    /** The content breaks a business rule (HTTP 422). */
    BUSINESS_RULE,
    /** The request conflicts with the current state, e.g. an illegal task transition (HTTP 409). */
    CONFLICT,
    /** The caller's role or organisation may not do this (HTTP 403). */
    NOT_PERMITTED
  }

  /** The text shown to people: "[REF-004] message (source: guide pkt. 12)". */
  public String display() {
    return rule.display(message);
  }
}
