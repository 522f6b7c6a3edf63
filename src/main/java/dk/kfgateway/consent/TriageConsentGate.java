package dk.kfgateway.consent;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.pipeline.Step;
import dk.kfgateway.pipeline.Write;
import dk.kfgateway.pipeline.WriteStep;
import dk.kfgateway.rules.Verdict;
import dk.kfgateway.security.Caller;
import dk.kfgateway.security.PartyRole;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.hl7.fhir.r4.model.Task;

/**
 * The clinic triages and works on a case only while the citizen's consent holds (with the specific wording for LÆ 275
 * and lægeskøn): moving a task into accepted or in-progress, or out of a hold, is refused otherwise (422), and the
 * denial is recorded. Returning the case (rejected), cancelling it or putting it on hold stay open.
 */
public class TriageConsentGate implements WriteStep {

  private static final Set<TaskStatus> NEEDS_CONSENT = Set.of(TaskStatus.ACCEPTED, TaskStatus.INPROGRESS);

  private final ConsentDecisions decisions;
  private final ConsentAudit audit;

  TriageConsentGate(ConsentDecisions decisions, ConsentAudit audit) {
    this.decisions = decisions;
    this.audit = audit;
  }

  @Override
  public Step step() {
    return Step.TRIAGE_CONSENT;
  }

  @Override
  public void apply(Write write) {
    beforeUpdate(write.previous(), write.resource(), write.request());
  }

  private void beforeUpdate(IBaseResource previous, IBaseResource updated, RequestDetails request) {
    if (!(previous instanceof Task before) || !(updated instanceof Task after)
        || !(request instanceof ServletRequestDetails) || before.getStatus() == after.getStatus()
        || after.getStatus() == null || !NEEDS_CONSENT.contains(after.getStatus())) {
      return;
    }
    Caller caller = Caller.of(request).orElse(null);
    if (caller == null || (caller.role() != PartyRole.CLINIC && caller.role() != PartyRole.SECRETARIAT)) {
      return;
    }
    ConsentDecision decision = decisions.decideForTask(before);
    if (!decision.permit()) {
      String task = "Task/" + before.getIdElement().getIdPart();
      audit.decision(ConsentAudit.agent(caller), before.getFor().getReference(), decision, List.of(task));
      Refusals.enforce(Verdict.refused(decision.rule(), "The case cannot be triaged or worked on ("
          + before.getStatus().toCode() + " -> " + after.getStatus().toCode() + ") without the citizen's consent: "
          + String.join("; ", decision.reasons()) + ". Return it (rejected, missing-specific-consent) or ask the"
          + " municipality for the consent.", "Task.status"));
    }
  }
}
