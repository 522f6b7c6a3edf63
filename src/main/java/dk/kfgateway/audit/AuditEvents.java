package dk.kfgateway.audit;

import dk.kfgateway.ig.Ig;
import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;

/** Turns an {@link AuditRecord} into the AuditEvent stored; pure, so the shape is tested without a server. */
final class AuditEvents {

  static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
  static final String GATEWAY_SUBTYPES = Ig.CANONICAL + "/CodeSystem/kf-audit-subtypes";
  static final String PARTY_ROLES = Ig.CANONICAL + "/CodeSystem/kf-party-roles";
  private static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
  private static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
  private static final java.util.Set<String> FHIR_INTERACTIONS =
      java.util.Set.of("read", "vread", "update", "patch", "delete", "history", "history-instance", "history-type",
          "history-system", "create", "search", "search-type", "search-system", "capabilities", "transaction", "batch",
          "operation");

  private AuditEvents() {}

  static AuditEvent of(AuditRecord record, Date recorded) {
    return of(record, recorded, reference -> true, citizen -> null);
  }

  /**
   * @param stored whether a reference of the agent names a stored resource; one that does not (a client registered
   *     for an organisation not in the directory) is kept as display text, since HAPI refuses dangling references
   * @param cprOf the CPR number of a citizen (Patient reference), or null: written as the citizen entity's name, so
   *     that the administrator, who sees no case data, finds a citizen's trail by CPR ({@code entity-name})
   */
  static AuditEvent of(AuditRecord record, Date recorded, java.util.function.Predicate<String> stored,
      java.util.function.UnaryOperator<String> cprOf) {
    AuditEvent event = new AuditEvent();
    event.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"));
    String subtypeSystem = FHIR_INTERACTIONS.contains(record.subtype()) ? RESTFUL_INTERACTION : GATEWAY_SUBTYPES;
    event.addSubtype(new Coding(subtypeSystem, record.subtype(), null));
    event.setAction(AuditEventAction.fromCode(record.action()));
    event.setRecorded(recorded);
    event.setOutcome(AuditEventOutcome.fromCode(record.outcome().code));
    if (record.reason() != null) {
      event.setOutcomeDesc(record.reason());
    }
    AuditRecord.Agent who = record.who();
    AuditEvent.AuditEventAgentComponent agent = event.addAgent().setRequestor(true);
    if (who.person() == null) {
      agent.setAltId(who.clientId()).setName(who.clientId());
    } else {
      // a person signed in through the console: named, and the application they used as an agent of its own
      agent.setAltId(who.person().id()).setName(who.person().name());
      event.addAgent().setRequestor(false).setAltId(who.clientId()).setName(who.clientId())
          .setType(new org.hl7.fhir.r4.model.CodeableConcept(new Coding(DICOM, "110150", "Application")));
    }
    agent.addRole().addCoding(new Coding(PARTY_ROLES, who.role(), null));
    if (who.practitionerRole() != null) {
      agent.setWho(reference(who.practitionerRole(), stored));
    } else if (who.organization() != null) {
      agent.setWho(reference(who.organization(), stored));
    }
    if (who.organization() != null) {
      event.addAgent().setRequestor(false).setWho(reference(who.organization(), stored))
          .setType(new org.hl7.fhir.r4.model.CodeableConcept(
              new Coding("http://terminology.hl7.org/CodeSystem/v3-RoleClass", "PROV", "healthcare provider")));
    }
    event.getSource().setSite("kf-gateway").setObserver(new Reference().setDisplay("Klinisk Funktion gateway"));
    if (record.citizen() != null) {
      AuditEvent.AuditEventEntityComponent citizen = event.addEntity().setWhat(new Reference(record.citizen()))
          .setRole(new Coding(OBJECT_ROLE, "1", "Patient"));
      String cpr = cprOf.apply(record.citizen());
      if (cpr != null) {
        citizen.setName(cpr);
        citizen.getWhat().getIdentifier().setSystem(dk.kfgateway.ig.Ig.CPR).setValue(cpr);
      }
    }
    if (record.consent() != null) {
      event.addEntity().setWhat(new Reference(record.consent())).setRole(new Coding(OBJECT_ROLE, "13", "Security Resource"));
    }
    for (String entity : record.entities()) {
      event.addEntity().setWhat(new Reference(entity)).setRole(new Coding(OBJECT_ROLE, "4", "Domain Resource"));
    }
    return event;
  }

  private static Reference reference(String target, java.util.function.Predicate<String> stored) {
    return stored.test(target) ? new Reference(target) : new Reference().setDisplay(target);
  }
}
