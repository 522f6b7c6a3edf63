package dk.kfgateway.consent;

import dk.kfgateway.rules.RuleRef;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a {@link ConsentQuestion}: permit or deny, why (one line per consent looked at, or why none fits),
 * the Consent relied on ({@code Consent/x}, only for a permit), and the rule that decided with its source paragraph.
 */
public record ConsentDecision(boolean permit, List<String> reasons, Optional<String> consent, RuleRef rule) {

  public ConsentDecision {
    reasons = List.copyOf(reasons);
    consent = consent == null ? Optional.empty() : consent;
  }

  /** "[CONS-003] reason; reason (source: guide pkt. 13)", for refusals, audit records and task notes. */
  public String display() {
    return rule.display(String.join("; ", reasons));
  }
}
