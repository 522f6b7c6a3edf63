package dk.kfgateway.workflow;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.pipeline.Step;
import dk.kfgateway.pipeline.Write;
import dk.kfgateway.pipeline.WriteStep;
import dk.kfgateway.referral.ReferralIntakeInterceptor;
import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import dk.kfgateway.security.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.hl7.fhir.r4.model.Task;

/**
 * The task state machine in every write path: each update of a Task is checked by {@link TaskChangePolicy} for the
 * caller's side (old version against new), and the deadline is kept on receipt and after a hold. A client creates a
 * Task only as the one intake checked in its referral transaction, or as a cancellation request (code abort).
 */
public class TaskWorkflowInterceptor implements WriteStep {

  private final TaskChangePolicy policy;
  private final CaseDeadlineRule caseDeadline;
  private final AbortRequestRule abortRequest = new AbortRequestRule();
  private final TaskRecords records;
  private final TaskDeadlines deadlines;
  private final Clock clock;

  TaskWorkflowInterceptor(TaskChangePolicy policy, TaskRecords records, TaskDeadlines deadlines, Clock clock) {
    this.policy = policy;
    this.records = records;
    this.deadlines = deadlines;
    this.clock = clock;
    this.caseDeadline = new CaseDeadlineRule(clock);
  }

  @Override
  public Step step() {
    return Step.TASK_WORKFLOW;
  }

  @Override
  public void apply(Write write) {
    switch (write.phase()) {
      case CREATE -> beforeCreate(write.resource(), write.request());
      case UPDATE -> beforeUpdate(write.previous(), write.resource(), write.request());
      default -> { }
    }
  }

  private void beforeCreate(IBaseResource resource, RequestDetails request) {
    if (!(resource instanceof Task task) || !(request instanceof ServletRequestDetails)
        || ReferralIntakeInterceptor.isCheckedReferralTask(request, task)) {
      return;
    }
    if (AbortRequests.isAbortRequest(task)) {
      Optional<Task> referralTask = AbortRequests.targetOf(task).flatMap(records::task);
      Refusals.enforce(abortRequest.check(task, referralTask, records));
    } else {
      Refusals.enforce(
          Verdict.refused(
              WorkflowRules.TASK_OUTSIDE_REFERRAL,
              "A referral's Task comes in the referral's transaction Bundle; on its own a Task can only be a"
                  + " cancellation request. " + AbortRequests.HOW_TO));
    }
  }

  private void beforeUpdate(IBaseResource previous, IBaseResource updated, RequestDetails request) {
    if (!(updated instanceof Task after) || !(previous instanceof Task before)) {
      return;
    }
    Caller.of(request).ifPresent(caller -> checkOwnTask(caller, before));
    TaskChange change = TaskChange.of(before, after, actor(request));
    boolean resuming = before.getStatus() == TaskStatus.ONHOLD && after.getStatus() != TaskStatus.ONHOLD;
    boolean receiving = before.getStatus() == TaskStatus.REQUESTED && after.getStatus() == TaskStatus.RECEIVED;
    List<Task> versions = resuming ? records.versionsSinceHold(before) : List.of();
    if (resuming) {
      change = StatusBeforeHold.in(versions).map(change::withStatusBeforeHold).orElse(change);
    }
    Refusals.enforce(policy.evaluate(change).and(caseDeadline.check(change)));
    if (AbortRequests.isAbortRequest(after)) {
      return;
    }
    String municipality = receiving || resuming ? records.municipalityOf(after).orElse(null) : null;
    if (receiving) {
      records.referralOf(after)
          .ifPresent(referral -> deadlines.onReceipt(after, referral, municipality, records.receivedAt(before)));
    } else if (resuming) {
      deadlines.onResume(after, versions, municipality, clock.instant());
    }
  }

  /**
   * A party acts only on its own cases: a municipality on the tasks it requested, Klinisk Funktion and its secretariat
   * on the tasks their clinic owns (WF-013). The task as stored decides, not what the update claims.
   */
  private void checkOwnTask(Caller caller, Task stored) {
    Optional<String> organisation = switch (caller.role()) {
      case MUNICIPALITY -> records.municipalityOf(stored).map(id -> "Organization/" + id);
      case CLINIC, SECRETARIAT -> records.find(stored.getOwner()).map(ResolvedOwner::organisation);
      default -> Optional.empty();
    };
    if (organisation.isPresent() && !caller.actsFor(organisation.get())) {
      throw Refusals.toException(Verdict.of(new Violation(WorkflowRules.OWN_TASKS_ONLY, Violation.Kind.NOT_PERMITTED,
          caller.clientId() + " acts for " + caller.organization() + "; this task belongs to " + organisation.get(),
          "Task")));
    }
  }

  /** The caller's side; the gateway's own writes (no HTTP request) act as GATEWAY. */
  private static ActorRole actor(RequestDetails request) {
    if (!(request instanceof ServletRequestDetails)) {
      return ActorRole.GATEWAY;
    }
    Caller caller = Caller.of(request).orElseThrow(() -> refusal("An unidentified caller cannot change a task"));
    return switch (caller.role()) {
      case MUNICIPALITY -> ActorRole.MUNICIPALITY;
      case CLINIC -> ActorRole.CLINIC;
      case SECRETARIAT -> ActorRole.SECRETARIAT;
      case GP, ADMINISTRATOR -> throw refusal(
          "A " + caller.role().name().toLowerCase() + " system neither requests nor performs a referral's task");
    };
  }

  private static RuntimeException refusal(String message) {
    return Refusals.toException(
        Verdict.of(new Violation(WorkflowRules.PARTY_MAY_NOT_MOVE_TASKS, Violation.Kind.NOT_PERMITTED, message, "Task")));
  }
}
