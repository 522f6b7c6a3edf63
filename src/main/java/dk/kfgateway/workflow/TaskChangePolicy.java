package dk.kfgateway.workflow;

import dk.kfgateway.rules.Verdict;
import java.util.List;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * Judges an update of a referral Task: the stored version, the incoming one and who acts. First the move itself
 * (WF-001 illegal, WF-002 not this role's, WF-008 resume to the state before the hold); when the move is refused,
 * nothing else is reported, because the content rules presuppose the target state. Then every content rule, so all
 * problems come back at once: identity (WF-003), owner and coordinator (WF-003/WF-007), rejection reason (WF-004),
 * triage outcome (WF-005), result on completion (WF-006), what the municipality may edit (WF-009).
 *
 * <p>Pure: no clock, no I/O beyond the {@link OwnerDirectory} it is given; never throws for a rule.
 */
public final class TaskChangePolicy {

  private final List<TaskChangeRule> moveRules;
  private final List<TaskChangeRule> contentRules;

  public TaskChangePolicy(TaskTransitions table, OwnerDirectory owners) {
    CoordinatorAssignment assignment = new CoordinatorAssignment(owners);
    this.moveRules = List.of(new TransitionRule(table), new ResumeRule());
    this.contentRules = List.of(
        new ImmutableFieldsRule(),
        change -> assignment.check(ownerOf(change.before()), ownerOf(change.after())),
        new RejectionReasonRule(),
        new TriageOutcomeRule(),
        new CompletionRule(),
        new MunicipalityEditRule(table));
  }

  /** The policy over the gateway's standard table. */
  public static TaskChangePolicy standard(OwnerDirectory owners) {
    return new TaskChangePolicy(TaskTransitions.standard(), owners);
  }

  public Verdict evaluate(Task before, Task after, ActorRole actor) {
    return evaluate(TaskChange.of(before, after, actor));
  }

  public Verdict evaluate(TaskChange change) {
    Verdict move = all(moveRules, change);
    return move.isAllowed() ? all(contentRules, change) : move;
  }

  private static Verdict all(List<TaskChangeRule> rules, TaskChange change) {
    return rules.stream().map(rule -> rule.check(change)).reduce(Verdict.allowed(), Verdict::and);
  }

  private static Reference ownerOf(Task task) {
    return task.hasOwner() ? task.getOwner() : null;
  }
}
