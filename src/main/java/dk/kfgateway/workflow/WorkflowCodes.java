package dk.kfgateway.workflow;

import dk.kfgateway.ig.Ig;

/** Code systems the workflow rules read: the IG's (see {@link Ig}) and HL7's task codes. */
public final class WorkflowCodes {

  public static final String TRIAGE_OUTCOMES = Ig.codeSystem(Ig.CS_TRIAGE_OUTCOMES);
  public static final String REJECTION_REASONS = Ig.codeSystem(Ig.CS_REJECTION_REASONS);
  public static final String PRACTITIONER_ROLES = Ig.codeSystem(Ig.CS_PRACTITIONER_ROLES);
  public static final String HEALTH_COORDINATOR = "health-coordinator";
  /** HL7's task-code system; {@code abort} asks the owner to stop the Task in {@code Task.focus}. */
  public static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";
  public static final String ABORT = "abort";

  private WorkflowCodes() {}
}
