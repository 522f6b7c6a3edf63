package dk.kfgateway.workflow;

import java.util.Optional;
import org.hl7.fhir.r4.model.Task;

/**
 * After Klinisk Funktion has accepted a referral, the municipality cannot cancel it itself: it files a separate Task
 * with code {@code abort} (HL7 task-code) whose focus is the referral Task, and the clinic or its secretariat moves
 * the referral to cancelled (guide pkt. 8: cancellation goes through the <i>sekretariat</i>). This class recognises
 * such requests.
 */
public final class AbortRequests {

  /** What a caseworker reads when a self-cancellation is refused. */
  public static final String HOW_TO = "After acceptance, ask Klinisk Funktion to cancel: post a Task with code '"
      + WorkflowCodes.ABORT + "' (" + WorkflowCodes.TASK_CODE + ") whose focus is this Task; the secretariat "
      + "cancels it (guide pkt. 8).";

  private AbortRequests() {}

  /** True when {@code task} asks to stop another Task rather than being a referral itself. */
  public static boolean isAbortRequest(Task task) {
    return task.hasCode() && task.getCode().getCoding().stream()
        .anyMatch(c -> WorkflowCodes.TASK_CODE.equals(c.getSystem()) && WorkflowCodes.ABORT.equals(c.getCode()));
  }

  /** The Task an abort request is about, e.g. "Task/123"; empty when {@code task} is no abort request. */
  public static Optional<String> targetOf(Task task) {
    if (!isAbortRequest(task) || !task.hasFocus()) {
      return Optional.empty();
    }
    String target = TaskFields.target(task.getFocus());
    return target.startsWith("Task/") ? Optional.of(target) : Optional.empty();
  }
}
