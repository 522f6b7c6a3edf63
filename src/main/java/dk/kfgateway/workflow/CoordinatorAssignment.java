package dk.kfgateway.workflow;

import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import dk.kfgateway.rules.Violation.Kind;
import java.util.Optional;
import org.hl7.fhir.r4.model.Reference;

/**
 * Checks a change of Task.owner. The owner organisation never changes (WF-003), but Klinisk Funktion may hand the task
 * to a named sundhedskoordinator, i.e. a PractitionerRole of the same clinic coded health-coordinator, or take it back
 * to the clinic's Organization (WF-007). Each wrong owner gives exactly one violation at "Task.owner".
 */
public final class CoordinatorAssignment {

  private static final String LOCATION = "Task.owner";

  private final OwnerDirectory directory;

  public CoordinatorAssignment(OwnerDirectory directory) {
    this.directory = directory;
  }

  /** Allowed when {@code newOwner} is the same owner, the same clinic, or a health coordinator of that clinic. */
  public Verdict check(Reference currentOwner, Reference newOwner) {
    String current = TaskFields.target(currentOwner);
    String next = TaskFields.target(newOwner);
    if (current.equals(next)) {
      return Verdict.allowed();
    }
    if (next.isEmpty()) {
      return refuse(WorkflowRules.IMMUTABLE_FIELDS, "The owner (" + current + ") cannot be removed.");
    }
    Optional<ResolvedOwner> resolved = directory.find(newOwner);
    if (resolved.isEmpty()) {
      return refuse(WorkflowRules.COORDINATOR_ASSIGNMENT,
          "The new owner " + next + " is not known to the gateway as Klinisk Funktion or one of its coordinators.");
    }
    ResolvedOwner owner = resolved.get();
    Optional<String> clinic = current.isEmpty()
        ? Optional.of(owner.organisation())
        : directory.find(currentOwner).map(ResolvedOwner::organisation);
    if (clinic.filter(owner.organisation()::equals).isEmpty()) {
      String clinicName = clinic.orElse(current);
      return owner.practitionerRole()
          ? refuse(WorkflowRules.COORDINATOR_ASSIGNMENT, next + " works for " + owner.organisation()
              + "; assign a health coordinator of " + clinicName + ".")
          : refuse(WorkflowRules.IMMUTABLE_FIELDS, "The owner organisation never changes: the task belongs to "
              + clinicName + " and cannot be moved to " + next + ".");
    }
    if (owner.practitionerRole() && !owner.isHealthCoordinator()) {
      return refuse(WorkflowRules.COORDINATOR_ASSIGNMENT, next + " is not a health coordinator (sundhedskoordinator, "
          + WorkflowCodes.PRACTITIONER_ROLES + "#" + WorkflowCodes.HEALTH_COORDINATOR + "); only a coordinator can "
          + "be named as owner.");
    }
    return Verdict.allowed();
  }

  private static Verdict refuse(RuleRef rule, String message) {
    return Verdict.of(new Violation(rule, Kind.BUSINESS_RULE, message, LOCATION));
  }
}
