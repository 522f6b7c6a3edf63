package dk.kfgateway.workflow;

import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import dk.kfgateway.rules.Violation.Kind;
import java.util.Set;

/**
 * WF-009: what the requesting municipality may change in a Task it no longer owns. The Task records Klinisk
 * Funktion's work, so the municipality may only
 * <ul>
 *   <li>add or edit notes (Task.note), at any time, e.g. a clarifying question;</li>
 *   <li>add, replace or remove inputs (Task.input: documents, consent) while the task is not final;</li>
 *   <li>cancel before acceptance (Task.status with Task.statusReason; the table decides when);</li>
 *   <li>touch bookkeeping the server or its client rewrites anyway: id, meta, text, lastModified.</li>
 * </ul>
 * Everything else (owner, priority, restriction/due date, output, description, code, ...) is the clinic's: one
 * NOT_PERMITTED violation per element. Elements guarded by their own rule (WF-003 identity, WF-005 triage outcome) are
 * left to that rule.
 */
final class MunicipalityEditRule implements TaskChangeRule {

  private static final Set<String> ALWAYS_EDITABLE = Set.of("id", "meta", "text", "lastModified", "note");
  private static final Set<String> GUARDED_ELSEWHERE = Set.of("requester", "for", "focus", "basedOn",
      "businessStatus", "status");

  private final TaskTransitions table;

  MunicipalityEditRule(TaskTransitions table) {
    this.table = table;
  }

  @Override
  public Verdict check(TaskChange change) {
    if (change.actor() != ActorRole.MUNICIPALITY) {
      return Verdict.allowed();
    }
    return TaskFields.changedElements(change.before(), change.after()).stream()
        .filter(element -> !mayEdit(change, element))
        .map(element -> Verdict.of(new Violation(WorkflowRules.MUNICIPALITY_FIELDS, Kind.NOT_PERMITTED,
            message(change, element), "Task." + element)))
        .reduce(Verdict.allowed(), Verdict::and);
  }

  private boolean mayEdit(TaskChange change, String element) {
    return ALWAYS_EDITABLE.contains(element)
        || GUARDED_ELSEWHERE.contains(element)
        || (element.equals("input") && !table.isFinal(change.from()))
        || (element.equals("statusReason") && change.statusChanged());
  }

  private static String message(TaskChange change, String element) {
    if (element.equals("input")) {
      return "The task is '" + change.from().toCode() + "', so its documents (Task.input) can no longer change; "
          + "send further information as a new referral or contact the secretariat of Klinisk Funktion.";
    }
    return "Task." + element + " is kept by Klinisk Funktion. As the requesting municipality you may change "
        + "Task.note and Task.input, and cancel before acceptance; contact the secretariat of Klinisk Funktion "
        + "for anything else.";
  }
}
