package dk.kfgateway.workflow;

import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * One row of the task state machine: an actor in {@code role} may move a Task from {@code from} to {@code to}, because
 * {@code source} says so (a guide point, a paragraph of the bekendtgørelse, or the FHIR Workflow Task state machine).
 */
public record Transition(TaskStatus from, TaskStatus to, ActorRole role, String source) {

  /** "received -> accepted" in FHIR codes, as people read it in messages and logs. */
  public String move() {
    return from.toCode() + " -> " + to.toCode();
  }
}
