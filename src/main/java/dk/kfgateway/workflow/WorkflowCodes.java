package dk.kfgateway.workflow;

/** Code systems the workflow rules read (see the shared contract; base http://kf-gateway.dk/fhir). */
public final class WorkflowCodes {

  public static final String TRIAGE_OUTCOMES = "http://kf-gateway.dk/fhir/CodeSystem/kf-triage-outcomes";
  public static final String REJECTION_REASONS = "http://kf-gateway.dk/fhir/CodeSystem/kf-rejection-reasons";
  public static final String PRACTITIONER_ROLES = "http://kf-gateway.dk/fhir/CodeSystem/kf-practitioner-roles";
  public static final String HEALTH_COORDINATOR = "health-coordinator";
  /** HL7's task-code system; {@code abort} asks the owner to stop the Task in {@code Task.focus}. */
  public static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";
  public static final String ABORT = "abort";

  private WorkflowCodes() {}
}
