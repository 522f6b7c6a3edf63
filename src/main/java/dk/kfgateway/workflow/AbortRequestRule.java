package dk.kfgateway.workflow;

import dk.kfgateway.rules.Verdict;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.Task;

/**
 * A cancellation request (code abort) goes to the clinic that owns the referral's Task and is about that Task's citizen
 * (WF-012, guide pkt. 8): its owner and citizen are read by whoever it is shown to, so they cannot name anyone else. It
 * arrives as a request (status requested), with nothing of what the clinic records and no extensions: the secretariat
 * answers it.
 */
final class AbortRequestRule {

  /** What the clinic or the gateway records on a task (outcome, reason, result, deadline), never its requester. */
  private static final java.util.List<String> CLINICS_ELEMENTS =
      java.util.List.of("businessStatus", "statusReason", "output", "restriction");

  /**
   * @param request the cancellation request as it arrives
   * @param referralTask the Task its focus names, as stored; empty when the focus names no Task
   * @param owners who an owner reference is
   */
  Verdict check(Task request, Optional<Task> referralTask, OwnerDirectory owners) {
    if (request.getStatus() != Task.TaskStatus.REQUESTED || request.getIntent() != Task.TaskIntent.ORDER) {
      return refused("Task.status must be 'requested' and Task.intent 'order': the secretariat answers the request",
          "Task.status");
    }
    java.util.List<String> recorded = CLINICS_ELEMENTS.stream()
        .filter(element -> !TaskFields.values(request, element).isEmpty()).toList();
    if (!recorded.isEmpty()) {
      return refused("Task." + recorded.get(0) + " is for Klinisk Funktion or the gateway to record and must be empty",
          "Task." + recorded.get(0));
    }
    if (request.hasExtension() || request.hasModifierExtension()) {
      // a modifier extension changes what the request means; the clinic's extensions (deadline, treating
      // practitioner) are the clinic's
      String element = request.hasModifierExtension() ? "modifierExtension" : "extension";
      return refused("Task." + element + ": a cancellation request carries none", "Task." + element);
    }
    if (referralTask.isEmpty() || AbortRequests.isAbortRequest(referralTask.get())) {
      return refused("Task.focus must name the referral's Task that is to be cancelled", "Task.focus");
    }
    Task referral = referralTask.get();
    Optional<String> clinic = organisation(referral, owners);
    if (!request.hasOwner() || clinic.isEmpty() || !clinic.equals(organisation(request, owners))) {
      return refused("Task.owner must be the clinic that owns " + TaskFields.target(request.getFocus()) + " ("
          + clinic.orElse("unknown") + ")", "Task.owner");
    }
    if (!Objects.equals(referral.getFor().getReference(), request.getFor().getReference())) {
      return refused("Task.for must be the citizen of " + TaskFields.target(request.getFocus()) + " ("
          + referral.getFor().getReference() + ")", "Task.for");
    }
    return Verdict.allowed();
  }

  private static Optional<String> organisation(Task task, OwnerDirectory owners) {
    return task.hasOwner() ? owners.find(task.getOwner()).map(ResolvedOwner::organisation) : Optional.empty();
  }

  private static Verdict refused(String message, String location) {
    return Verdict.refused(WorkflowRules.TASK_OUTSIDE_REFERRAL, "A cancellation request: " + message + ". "
        + AbortRequests.HOW_TO, location);
  }
}
