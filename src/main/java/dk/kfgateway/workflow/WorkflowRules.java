package dk.kfgateway.workflow;

import dk.kfgateway.rules.RuleRef;

/**
 * The rule ids of the task workflow and the paragraphs they rest on. WF-002 takes its source from the table row the
 * actor is not allowed to use, so that the refusal names the exact paragraph.
 */
public final class WorkflowRules {

  /** A move the state machine does not have at all (409). */
  public static final RuleRef ILLEGAL_TRANSITION =
      new RuleRef("WF-001", "FHIR Workflow Task state machine; guide pkt. 8, pkt. 13");

  /** Immutable identity of the request: requester, owner organisation, subject, focus, basedOn. */
  public static final RuleRef IMMUTABLE_FIELDS =
      new RuleRef("WF-003", "FHIR Workflow Task (requester and owner roles); kf-task profile");

  public static final RuleRef REJECTION_REASON =
      new RuleRef("WF-004", "guide pkt. 8 and pkt. 13 (tilbagevist med begrundet visitationsnotat)");

  public static final RuleRef TRIAGE_OUTCOME =
      new RuleRef("WF-005", "guide pkt. 8 (visitation i Klinisk Funktion)");

  public static final RuleRef COMPLETION_OUTPUT =
      new RuleRef("WF-006", "bkg 2019 §22-§23 (the statement or certificate is delivered)");

  public static final RuleRef COORDINATOR_ASSIGNMENT =
      new RuleRef("WF-007", "bkg 2019 §2, §21 (the region provides a sundhedskoordinator from Klinisk Funktion)");

  public static final RuleRef RESUME_FROM_HOLD =
      new RuleRef("WF-008", "guide pkt. 13 (undersøgelsen sættes i bero, indtil der er afklaring vedr. samtykket)");

  public static final RuleRef MUNICIPALITY_FIELDS =
      new RuleRef("WF-009", "FHIR Workflow Task (the owner, not the requester, records the work); guide pkt. 8");

  /** A GP or administrator system acting on a task at all. */
  public static final RuleRef PARTY_MAY_NOT_MOVE_TASKS =
      new RuleRef("WF-010", "FHIR Workflow Task (only requester and owner act on a task); bkg 2019 §3");

  public static final RuleRef CASE_DEADLINE_REASON =
      new RuleRef("WF-011", "bkg 2019 §21-§23 (\"medmindre andet aftales\"): another deadline for a case needs a reason");

  public static final RuleRef TASK_OUTSIDE_REFERRAL =
      new RuleRef("WF-012", "guide pkt. 8 (cancellation through the secretariat); REF-011");

  public static final RuleRef OWN_TASKS_ONLY =
      new RuleRef("WF-013", "bkg 2019 §3 (data exchanged only between the case's municipality and region)");

  private WorkflowRules() {}

  /** WF-002 for a move that exists but is reserved for other roles; the source is that row's. */
  public static RuleRef notPermitted(String source) {
    return new RuleRef("WF-002", source);
  }
}
