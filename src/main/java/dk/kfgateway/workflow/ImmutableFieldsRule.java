package dk.kfgateway.workflow;

import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import dk.kfgateway.rules.Violation.Kind;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * WF-003: what identifies the referral never changes once set, whoever acts: the requesting caseworker
 * (Task.requester), the citizen (Task.for), and the ServiceRequest the task carries out (Task.focus, Task.basedOn).
 * Changing one of them means another referral, so it must be posted as one. One violation per changed element. The
 * owner is checked by {@link CoordinatorAssignment}, because it may change within the clinic.
 */
final class ImmutableFieldsRule implements TaskChangeRule {

  /** Element name -> what a caseworker or clinician calls it. */
  private static final Map<String, String> ELEMENTS = Map.of(
      "requester", "the requesting caseworker",
      "for", "the citizen",
      "focus", "the referral (ServiceRequest)",
      "basedOn", "the referral the task is based on");

  @Override
  public Verdict check(TaskChange change) {
    return ELEMENTS.keySet().stream()
        .sorted()
        .map(element -> check(change, element))
        .reduce(Verdict.allowed(), Verdict::and);
  }

  private static Verdict check(TaskChange change, String element) {
    Set<String> before = TaskFields.identities(change.before(), element);
    Set<String> after = TaskFields.identities(change.after(), element);
    if (before.isEmpty() || before.equals(after)) {
      return Verdict.allowed();
    }
    String message = "The task's " + ELEMENTS.get(element) + " (Task." + element + ") cannot change once set: was "
        + new TreeSet<>(before) + ", now " + new TreeSet<>(after) + ". Post a new referral instead.";
    return Verdict.of(new Violation(WorkflowRules.IMMUTABLE_FIELDS, Kind.BUSINESS_RULE, message, "Task." + element));
  }
}
