package dk.kfgateway.workflow;

import static dk.kfgateway.workflow.ActorRole.CLINIC;
import static dk.kfgateway.workflow.ActorRole.GATEWAY;
import static dk.kfgateway.workflow.ActorRole.MUNICIPALITY;
import static dk.kfgateway.workflow.ActorRole.SECRETARIAT;
import static org.hl7.fhir.r4.model.Task.TaskStatus.ACCEPTED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.CANCELLED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.COMPLETED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.FAILED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.INPROGRESS;
import static org.hl7.fhir.r4.model.Task.TaskStatus.ONHOLD;
import static org.hl7.fhir.r4.model.Task.TaskStatus.RECEIVED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.REJECTED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.REQUESTED;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * The referral Task's state machine as one table: every legal move is a row {@code (from, to, role, source)}, and
 * nothing else is legal. {@link #isAllowed} is a lookup; the same rows drive the parameterised tests, the start-up
 * log and the README ({@link #describe()}).
 *
 * <p>Only the owner's side (CLINIC, SECRETARIAT) moves a task forward, rejects (<i>tilbageviser</i>) or fails it. The
 * municipality cancels itself only before acceptance; afterwards it files an {@code abort} Task and the owner's side
 * cancels (guide pkt. 8). On-hold may be entered and left by the owner's side and by the GATEWAY (consent withdrawn,
 * guide pkt. 13); the table allows resuming to any state a hold can come from, and {@link TaskChangePolicy} narrows it
 * to the state before the hold when the caller knows it (WF-008). Completed, cancelled, rejected and failed are final.
 * A task must be marked received before triage, because receipt starts the deadlines (bkg 2019 §21-§24).
 */
public final class TaskTransitions {

  private static final Set<ActorRole> OWNER = Set.of(CLINIC, SECRETARIAT);
  private static final Set<ActorRole> OWNER_OR_GATEWAY = Set.of(CLINIC, SECRETARIAT, GATEWAY);
  private static final Set<ActorRole> ANYONE_BUT_GATEWAY = Set.of(MUNICIPALITY, CLINIC, SECRETARIAT);
  private static final List<TaskStatus> HOLDABLE = List.of(RECEIVED, ACCEPTED, INPROGRESS);

  private static final TaskTransitions STANDARD = new TaskTransitions(Stream.of(
      rows(List.of(REQUESTED), List.of(RECEIVED), OWNER,
          "FHIR Workflow Task state machine; bkg 2019 §24 (deadlines run from receipt)"),
      rows(List.of(RECEIVED), List.of(ACCEPTED), OWNER, "guide pkt. 8 (visitation)"),
      rows(List.of(RECEIVED), List.of(REJECTED), OWNER, "guide pkt. 8, pkt. 13 (tilbagevist)"),
      rows(List.of(ACCEPTED), List.of(INPROGRESS), OWNER, "FHIR Workflow Task state machine"),
      rows(List.of(INPROGRESS), List.of(COMPLETED), OWNER, "bkg 2019 §22-§23 (statement or certificate delivered)"),
      rows(List.of(ACCEPTED, INPROGRESS), List.of(FAILED), OWNER, "FHIR Workflow Task state machine"),
      rows(List.of(REQUESTED, RECEIVED), List.of(CANCELLED), ANYONE_BUT_GATEWAY,
          "guide pkt. 8 (annullering før visitation, efter kontakt til sekretariatet)"),
      rows(List.of(ACCEPTED, INPROGRESS, ONHOLD), List.of(CANCELLED), OWNER,
          "guide pkt. 8 (annullering går gennem sekretariatet)"),
      rows(HOLDABLE, List.of(ONHOLD), OWNER_OR_GATEWAY, "guide pkt. 13 (sættes i bero)"),
      rows(List.of(ONHOLD), HOLDABLE, OWNER_OR_GATEWAY, "guide pkt. 13 (genoptages efter afklaring af samtykket)"))
      .flatMap(List::stream)
      .toList());

  private final List<Transition> rows;

  private TaskTransitions(List<Transition> rows) {
    this.rows = rows;
  }

  /** The gateway's table. */
  public static TaskTransitions standard() {
    return STANDARD;
  }

  public List<Transition> rows() {
    return rows;
  }

  public boolean isAllowed(TaskStatus from, TaskStatus to, ActorRole role) {
    return rows.stream().anyMatch(r -> r.from() == from && r.to() == to && r.role() == role);
  }

  /** The moves open to {@code role} from {@code from}, for messages that tell people what they can do instead. */
  public List<Transition> allowedFrom(TaskStatus from, ActorRole role) {
    return rows.stream().filter(r -> r.from() == from && r.role() == role).toList();
  }

  /** The rows for a move whatever the role; empty when the move does not exist at all. */
  public List<Transition> rowsFor(TaskStatus from, TaskStatus to) {
    return rows.stream().filter(r -> r.from() == from && r.to() == to).toList();
  }

  /** True when no row leaves {@code status}: completed, cancelled, rejected, failed (and states outside the flow). */
  public boolean isFinal(TaskStatus status) {
    return rows.stream().noneMatch(r -> r.from() == status);
  }

  /** The table as Markdown, one line per move with its roles, for the start-up log and the README. */
  public String describe() {
    return TransitionTableFormat.markdown(rows);
  }

  private static List<Transition> rows(
      List<TaskStatus> froms, List<TaskStatus> tos, Set<ActorRole> roles, String source) {
    return froms.stream()
        .flatMap(from -> tos.stream().flatMap(to -> Stream.of(ActorRole.values())
            .filter(roles::contains)
            .map(role -> new Transition(from, to, role, source))))
        .toList();
  }
}
