package dk.kfgateway.consent;

import dk.kfgateway.audit.AuditRecord;
import dk.kfgateway.audit.AuditRecord.Agent;
import dk.kfgateway.audit.AuditRecord.Outcome;
import dk.kfgateway.audit.AuditTrail;
import dk.kfgateway.security.Caller;
import java.util.List;

/**
 * Writes every consent decision to the audit trail as a {@code consent-decision} AuditEvent: who asked, which citizen,
 * which consent was relied on, and why. A permit joins the current transaction; a denial is recorded on its own, so
 * it stays when the request is rolled back.
 */
class ConsentAudit {

  static final String DECISION = "consent-decision";
  static final String HOLD = "consent-hold";
  static final String RESUME = "consent-resume";

  private final AuditTrail trail;

  ConsentAudit(AuditTrail trail) {
    this.trail = trail;
  }

  void decision(Agent who, String patient, ConsentDecision decision, List<String> entities) {
    AuditRecord record = new AuditRecord("E", DECISION, decision.permit() ? Outcome.SUCCESS : Outcome.DENIED, who,
        patient, decision.consent().orElse(null), entities, decision.display());
    if (decision.permit()) {
      trail.record(record);
    } else {
      trail.recordIndependently(record);
    }
  }

  /** The gateway's own move of a task (on hold or resumed), in the transaction of the consent's change. */
  void gatewayMove(String subtype, String patient, String consent, String task, String reason) {
    trail.record(new AuditRecord("U", subtype, Outcome.SUCCESS, Agent.GATEWAY, patient, consent, List.of(task), reason));
  }

  static Agent agent(Caller caller) {
    return Agent.of(caller);
  }
}
