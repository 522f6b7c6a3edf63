package dk.kfgateway.consent;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import dk.kfgateway.audit.AuditRecord.Agent;
import dk.kfgateway.ig.Ig;
import dk.kfgateway.referral.ReferralFields;
import dk.kfgateway.referral.ReferralIntakeInterceptor;
import dk.kfgateway.referral.ServiceDefinition;
import dk.kfgateway.security.Caller;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * A LÆ 275 or lægeskøn referral without a consent of the specific wording is not triaged, because triage means a
 * look-up in the hospital EHR (guide pkt. 13): its Task is stored {@code rejected} at once, with the reason
 * missing-specific-consent and the guide's text, and the transaction response says so on the Task's entry.
 *
 * <p>Runs after intake has checked the referral (hook order), on the very Task intake checked.
 */
@Interceptor
public class IntakeConsentGate {

  private static final String RETURNED = IntakeConsentGate.class.getName() + ".returned";

  private final ConsentDecisions decisions;
  private final CaseRecords records;
  private final ConsentAudit audit;
  IntakeConsentGate(ConsentDecisions decisions, CaseRecords records, ConsentAudit audit) {
    this.decisions = decisions;
    this.records = records;
    this.audit = audit;
  }

  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = 100)
  public void beforeHandling(RequestDetails request, RestOperationTypeEnum operation) {
    if (operation != RestOperationTypeEnum.TRANSACTION || !(request.getResource() instanceof Bundle bundle)) {
      return;
    }
    Optional<Task> task = resources(bundle, Task.class).stream()
        .filter(t -> ReferralIntakeInterceptor.isCheckedReferralTask(request, t)).findFirst();
    Optional<ServiceRequest> referral = resources(bundle, ServiceRequest.class).stream().findFirst();
    boolean specific = referral.flatMap(ReferralFields::serviceCode).flatMap(decisions::service)
        .map(ServiceDefinition::specificConsent).orElse(false);
    if (task.isEmpty() || !specific) {
      return;
    }
    Optional<String> citizen = storedCitizen(bundle, task.get());
    ConsentQuestion question = decisions.questionFor(task.get(), citizen.orElse("the citizen of this referral"));
    ConsentDecision decision = decisions.decide(question, true, resources(bundle, Consent.class), citizen.isPresent(), task.get());
    if (!decision.permit()) {
      task.get().setStatus(Task.TaskStatus.REJECTED).setStatusReason(new CodeableConcept(
          new Coding(ConsentCodes.REJECTION_REASONS, ConsentCodes.MISSING_SPECIFIC_CONSENT, "Specific consent missing"))
          .setText(ConsentCodes.RETURN_TEXT + " " + decision.display()));
      request.getUserData().put(RETURNED, decision);
    }
  }

  /** Tells the municipality on the Task's entry, and records the denial once the citizen is stored. */
  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public void afterHandling(RequestDetails request, ResponseDetails response) {
    if (!(request.getUserData().get(RETURNED) instanceof ConsentDecision decision)
        || !(response.getResponseResource() instanceof Bundle answer)) {
      return;
    }
    for (Bundle.BundleEntryComponent entry : answer.getEntry()) {
      String location = entry.getResponse().getLocation();
      if (location != null && location.startsWith("Task/")) {
        entry.getResponse().setOutcome(outcome(decision));
        String taskId = location.replaceFirst("/_history/.*", "");
        String patient = records.read(taskId, Task.class)
            .map(t -> t.getFor().getReferenceElement().toUnqualifiedVersionless().getValue()).orElse(null);
        Agent who = Caller.of(request).map(ConsentAudit::agent).orElse(Agent.GATEWAY);
        audit.decision(who, patient, decision, List.of(taskId));
      }
    }
  }

  private static OperationOutcome outcome(ConsentDecision decision) {
    OperationOutcome outcome = new OperationOutcome();
    OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.WARNING).setCode(OperationOutcome.IssueType.BUSINESSRULE)
        .setDiagnostics("The referral is returned (Task.status = rejected, missing-specific-consent). "
            + ConsentCodes.RETURN_TEXT + " " + decision.display());
    issue.getDetails().addCoding().setSystem(Ig.CANONICAL + "/rule").setCode(decision.rule().id());
    issue.getDetails().setText(ConsentCodes.RETURN_TEXT);
    issue.addExpression("Task.status");
    return outcome;
  }

  /** The citizen as stored already: a literal reference, or the one a conditional create on the CPR will match. */
  private Optional<String> storedCitizen(Bundle bundle, Task task) {
    String reference = task.getFor().getReference();
    if (reference != null && reference.startsWith("Patient/")) {
      return Optional.of(reference);
    }
    return bundle.getEntry().stream()
        .filter(e -> e.getResource() instanceof Patient && e.getRequest().hasIfNoneExist())
        .map(e -> e.getRequest().getIfNoneExist())
        .filter(query -> query.startsWith("identifier=") && query.contains("|"))
        .map(query -> query.substring("identifier=".length()).split("\\|", 2))
        .findFirst()
        .flatMap(token -> records.patientWith(token[0], token[1]));
  }

  private static <T> List<T> resources(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance).map(type::cast).toList();
  }
}
