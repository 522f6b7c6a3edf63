package dk.kfgateway.rules;

/**
 * A business rule's stable id and the paragraph of the source it comes from, e.g.
 * {@code new RuleRef("REF-004", "guide pkt. 12")}. Both appear in code, refusals and tests.
 */
public record RuleRef(String id, String source) {}
