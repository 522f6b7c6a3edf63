package dk.kfgateway.audit;

import java.util.List;
import java.util.Objects;

/**
 * One line of the audit trail, before it becomes an AuditEvent: who (client, organisation, role, person), what
 * (interaction and the resources concerned), which citizen, which consent it relied on, and the outcome with its
 * reason (a rule id and text for a denial).
 *
 * @param action C, R, U, D or E (FHIR AuditEventAction)
 * @param subtype the interaction: a FHIR restful-interaction code (read, vread, search-type, history-instance, create,
 *     update, patch, delete, transaction, operation) or a gateway code such as {@code consent-decision}
 * @param outcome SUCCESS, DENIED or FAILED
 * @param who the caller; {@link Agent#GATEWAY} for the gateway's own work
 * @param citizen the Patient reference, or null when no citizen is concerned
 * @param consent the Consent reference a decision relied on, or null
 * @param entities further resources concerned (e.g. {@code Task/123}, {@code DocumentReference/9})
 * @param reason why: for a denial the rule id and message; may be null on success
 */
public record AuditRecord(
    String action,
    String subtype,
    Outcome outcome,
    Agent who,
    String citizen,
    String consent,
    List<String> entities,
    String reason) {

  public AuditRecord {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subtype, "subtype");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(who, "who");
    entities = entities == null ? List.of() : List.copyOf(entities);
  }

  /** The result of the audited attempt, as FHIR AuditEventOutcome codes 0, 4 and 8. */
  public enum Outcome {
    SUCCESS("0"),
    DENIED("4"),
    FAILED("8");

    final String code;

    Outcome(String code) {
      this.code = code;
    }
  }

  /**
   * Who acted.
   *
   * @param clientId the client system (from the token)
   * @param role the party's role, e.g. CLINIC
   * @param organization e.g. {@code Organization/kf-region-sjaelland}
   * @param practitionerRole the person's PractitionerRole reference, or null
   * @param person the person signed in through the client (the console), or null for a client system
   */
  public record Agent(String clientId, String role, String organization, String practitionerRole,
      dk.kfgateway.security.Caller.Person person) {
    /** The gateway itself, e.g. putting tasks on hold when a consent is withdrawn. */
    public static final Agent GATEWAY = new Agent("kf-gateway", "GATEWAY", null, null);

    /** A client system acting for itself. */
    public Agent(String clientId, String role, String organization, String practitionerRole) {
      this(clientId, role, organization, practitionerRole, null);
    }

    /** The caller of a request, with the person when one signed in. */
    public static Agent of(dk.kfgateway.security.Caller caller) {
      return new Agent(caller.clientId(), caller.role().name(), caller.organization(), caller.practitionerRole(),
          caller.person());
    }
  }
}
