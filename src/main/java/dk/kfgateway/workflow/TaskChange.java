package dk.kfgateway.workflow;

import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * An update of a referral Task as the storage hook sees it: the stored version, the incoming one, who acts, and, for a
 * task on hold, the state it had before the hold when the caller knows it (see {@link StatusBeforeHold}).
 */
public record TaskChange(Task before, Task after, ActorRole actor, TaskStatus statusBeforeHold) {

  public TaskChange {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(actor, "actor");
  }

  /** A change with no knowledge of the state before a hold: resuming may go to any state a hold can come from. */
  public static TaskChange of(Task before, Task after, ActorRole actor) {
    return new TaskChange(before, after, actor, null);
  }

  /** The same change, knowing the state the task had before it was put on hold. */
  public TaskChange withStatusBeforeHold(TaskStatus status) {
    return new TaskChange(before, after, actor, status);
  }

  public Optional<TaskStatus> knownStatusBeforeHold() {
    return Optional.ofNullable(statusBeforeHold);
  }

  /** The stored status; {@link TaskStatus#NULL} when missing, so it never matches a table row. */
  public TaskStatus from() {
    return statusOf(before);
  }

  public TaskStatus to() {
    return statusOf(after);
  }

  public boolean statusChanged() {
    return from() != to();
  }

  /** True when this update moves the task into {@code status} (not when it stays there). */
  public boolean entering(TaskStatus status) {
    return statusChanged() && to() == status;
  }

  private static TaskStatus statusOf(Task task) {
    return task.getStatus() == null ? TaskStatus.NULL : task.getStatus();
  }
}
