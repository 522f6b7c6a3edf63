package dk.kfgateway.workflow;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * Finds the state a task on hold came from, so that it resumes there (guide pkt. 13, WF-008). The storage hook reads
 * the Task's version history ({@code Task/x/_history}) and passes it newest first; the answer is the newest status
 * before the current run of on-hold versions. Keeping the state in the history rather than in an extension means
 * nobody can forge it.
 */
public final class StatusBeforeHold {

  private StatusBeforeHold() {}

  /** Empty when the newest version is not on hold or no earlier state is known. */
  public static Optional<TaskStatus> in(List<Task> versionsNewestFirst) {
    if (versionsNewestFirst.isEmpty() || versionsNewestFirst.get(0).getStatus() != TaskStatus.ONHOLD) {
      return Optional.empty();
    }
    return versionsNewestFirst.stream()
        .map(Task::getStatus)
        .filter(status -> status != null && status != TaskStatus.ONHOLD)
        .findFirst();
  }
}
