package dk.kfgateway.settlement;

import java.time.Instant;
import org.hl7.fhir.r4.model.Task;

/**
 * A Task write as the billing rules see it: the task before and after, its service (kf-services code), the moment of
 * the write, and whether the citizen already has a running coordinator case with this municipality (Midtjylland aftale
 * 7.1: a case runs until 6 months after it ended).
 */
public record TaskChange(Task before, Task after, String service, Instant now, boolean runningCoordinatorCase) {

  boolean becomes(Task.TaskStatus status) {
    return after.getStatus() == status && (before == null || before.getStatus() != status);
  }
}
