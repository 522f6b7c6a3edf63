package dk.kfgateway.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer of a pure rule: allowed, or refused with every violation found, so that a caseworker can fix all
 * problems of a request at once. Rules return verdicts; they never throw and never know about HTTP.
 */
public record Verdict(List<Violation> violations) {

  private static final Verdict ALLOWED = new Verdict(List.of());

  public Verdict {
    violations = List.copyOf(violations);
  }

  public static Verdict allowed() {
    return ALLOWED;
  }

  public static Verdict refused(RuleRef rule, String message) {
    return refused(rule, message, null);
  }

  public static Verdict refused(RuleRef rule, String message, String location) {
    return new Verdict(List.of(new Violation(rule, Violation.Kind.BUSINESS_RULE, message, location)));
  }

  /** A refusal because the caller's role or organisation may not do this (HTTP 403). */
  public static Verdict notPermitted(RuleRef rule, String message, String location) {
    return of(new Violation(rule, Violation.Kind.NOT_PERMITTED, message, location));
  }

  public static Verdict of(Violation violation) {
    return new Verdict(List.of(violation));
  }

  public boolean isAllowed() {
    return violations.isEmpty();
  }

  /** This verdict and another, violations of both kept in order. */
  public Verdict and(Verdict other) {
    if (other.isAllowed()) {
      return this;
    }
    if (isAllowed()) {
      return other;
    }
    List<Violation> all = new ArrayList<>(violations);
    all.addAll(other.violations);
    return new Verdict(all);
  }

  /** True when a given rule is among the violations; handy in tests. */
  public boolean breaks(String ruleId) {
    return violations.stream().anyMatch(v -> v.rule().id().equals(ruleId));
  }
}
