package dk.kfgateway.calendar;

import java.util.Objects;

/**
 * Another deadline for one concrete case, with the reason why: "Der aftales dog en anden frist, hvis der i en konkret
 * sag er omstændigheder, der bevirker, at ..." (bkg 2019 §21-§23; Midtjylland aftale 4.4). The reason is required, so
 * that the case history shows why the default did not apply.
 */
public record CaseSpecificDeadline(DeadlineRule rule, String reason) {

  /** The paragraphs that allow another deadline in a concrete case. */
  public static final String SOURCE = "bkg 2019 §21-§23 (2016 §22-§24); Midtjylland aftale 4.4";

  public CaseSpecificDeadline {
    Objects.requireNonNull(rule, "rule");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("another deadline in a concrete case needs a reason (" + SOURCE + ")");
    }
  }

  /** Reads the rule from a configuration string ({@link DeadlineRule#parse(String)}) and keeps the reason. */
  public static CaseSpecificDeadline of(String spec, String reason) {
    return new CaseSpecificDeadline(DeadlineRule.parse(spec), reason);
  }

  /** The rule that governs a case: this one when present, else the agreed rule for its service. */
  public static DeadlineRule effective(DeadlineRule agreed, CaseSpecificDeadline caseSpecific) {
    return caseSpecific == null ? agreed : caseSpecific.rule();
  }
}
