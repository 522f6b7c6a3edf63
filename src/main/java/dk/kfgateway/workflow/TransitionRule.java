package dk.kfgateway.workflow;

import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import dk.kfgateway.rules.Violation.Kind;
import java.util.List;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * WF-001 and WF-002: a status change must be a row of {@link TaskTransitions}. A move missing from the table is a
 * conflict with the task's state (WF-001); a move that exists but belongs to other roles is not permitted (WF-002,
 * citing that row's paragraph). Both messages list what the actor can do from the current state instead.
 */
final class TransitionRule implements TaskChangeRule {

  private final TaskTransitions table;

  TransitionRule(TaskTransitions table) {
    this.table = table;
  }

  @Override
  public Verdict check(TaskChange change) {
    TaskStatus from = change.from();
    TaskStatus to = change.to();
    ActorRole role = change.actor();
    if (!change.statusChanged() || table.isAllowed(from, to, role)) {
      return Verdict.allowed();
    }
    String options = "Allowed moves from '" + from.toCode() + "' for " + role + ": "
        + TransitionTableFormat.targets(table.allowedFrom(from, role)) + ".";
    List<Transition> rowsForOthers = table.rowsFor(from, to);
    if (rowsForOthers.isEmpty()) {
      return Verdict.of(new Violation(WorkflowRules.ILLEGAL_TRANSITION, Kind.CONFLICT,
          "A task cannot go from '" + from.toCode() + "' to '" + to.toCode() + "'. " + options, "Task.status"));
    }
    String holders = rowsForOthers.stream().map(r -> r.role().name()).distinct()
        .reduce((a, b) -> a + " or " + b).orElseThrow();
    String message = "Only " + holders + " may move a task from '" + from.toCode() + "' to '" + to.toCode()
        + "'. " + options + hint(role, to);
    return Verdict.of(new Violation(WorkflowRules.notPermitted(rowsForOthers.get(0).source()), Kind.NOT_PERMITTED,
        message, "Task.status"));
  }

  /** A municipality cancelling after acceptance is told how to ask instead (guide pkt. 8). */
  private static String hint(ActorRole role, TaskStatus to) {
    return role == ActorRole.MUNICIPALITY && to == TaskStatus.CANCELLED ? " " + AbortRequests.HOW_TO : "";
  }
}
