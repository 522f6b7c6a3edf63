package dk.kfgateway.consent;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.rules.Verdict;
import dk.kfgateway.security.Caller;
import dk.kfgateway.security.PartyRole;
import dk.kfgateway.workflow.OwnerDirectory;
import dk.kfgateway.workflow.ResolvedOwner;
import java.util.List;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

/**
 * {@code POST|GET /fhir/Task/{id}/$authorize-lookup}: the hospital EHR asks before it looks the citizen up in its own
 * records (triage is such a look-up, guide pkt. 8, 13). Answers Parameters {@code decision} (permit | deny),
 * {@code rule}, {@code reason} (repeating), {@code consent} (the Consent relied on) and {@code patient}; every answer is
 * in the audit trail. Only the clinic (EHR or secretariat) owning the task may ask (CONS-006, 403).
 */
public class AuthorizeLookupProvider {

  private final ConsentDecisions decisions;
  private final CaseRecords records;
  private final OwnerDirectory owners;
  private final ConsentAudit audit;

  AuthorizeLookupProvider(ConsentDecisions decisions, CaseRecords records, OwnerDirectory owners, ConsentAudit audit) {
    this.decisions = decisions;
    this.records = records;
    this.owners = owners;
    this.audit = audit;
  }

  @Operation(name = "$authorize-lookup", type = Task.class, idempotent = true)
  public Parameters authorizeLookup(@IdParam IdType id, RequestDetails request) {
    String taskId = "Task/" + id.getIdPart();
    // An unknown or deleted task is answered exactly as a read of it would be (404 or 410, HAPI's wording).
    Task task = records.require(new IdType(taskId), Task.class);
    Caller caller = Caller.of(request).orElse(null);
    String clinic = owners.find(task.getOwner()).map(ResolvedOwner::organisation).orElse("");
    if (caller == null || (caller.role() != PartyRole.CLINIC && caller.role() != PartyRole.SECRETARIAT)
        || !caller.actsFor(clinic)) {
      Refusals.enforce(Verdict.notPermitted(ConsentRules.OWN_CASE_LOOKUP, "Only " + (clinic.isEmpty() ? "the clinic"
          : clinic) + ", which owns " + taskId + ", asks to look the citizen up in its records", "Task"));
    }
    ConsentDecision decision = decisions.decideForTask(task, caller.organization(), caller.practitionerRole());
    String patient = task.getFor().getReferenceElement().toUnqualifiedVersionless().getValue();
    audit.decision(ConsentAudit.agent(caller), patient, decision, List.of(taskId));
    return answer(decision, patient, taskId);
  }

  private static Parameters answer(ConsentDecision decision, String patient, String task) {
    Parameters answer = new Parameters();
    answer.addParameter().setName("decision").setValue(new CodeType(decision.permit() ? "permit" : "deny"));
    answer.addParameter().setName("rule").setValue(new StringType(decision.rule().id()));
    answer.addParameter().setName("source").setValue(new StringType(decision.rule().source()));
    decision.reasons().forEach(r -> answer.addParameter().setName("reason").setValue(new StringType(r)));
    decision.consent().ifPresent(c -> answer.addParameter().setName("consent").setValue(new Reference(c)));
    answer.addParameter().setName("patient").setValue(new Reference(patient));
    answer.addParameter().setName("task").setValue(new Reference(task));
    return answer;
  }
}
