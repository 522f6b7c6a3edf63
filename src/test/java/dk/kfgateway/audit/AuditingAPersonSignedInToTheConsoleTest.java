package dk.kfgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.security.Caller;
import dk.kfgateway.security.PartyRole;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.junit.jupiter.api.Test;

/**
 * An AuditEvent names the person who acted, not only the client (bkg 2019 §3; sundhedsloven §42a): a person signed in
 * to the console is the requesting agent by name and user name, the console an agent of its own; the citizen carries
 * the CPR number, by which the administrator searches.
 */
class AuditingAPersonSignedInToTheConsoleTest {

  private static final Caller SECRETARY = new Caller("kf-console", PartyRole.SECRETARIAT,
      "Organization/kf-region-sjaelland", "PractitionerRole/secretary-kf", Set.of(),
      new Caller.Person("hanne", "Hanne Kjær"));

  @Test
  void thePersonIsTheRequestingAgentAndTheConsoleTheApplication() {
    AuditEvent event = AuditEvents.of(record(SECRETARY), new Date(), reference -> true, citizen -> "0101304123");

    AuditEvent.AuditEventAgentComponent person = event.getAgent().get(0);
    assertThat(person.getRequestor()).isTrue();
    assertThat(person.getName()).isEqualTo("Hanne Kjær");
    assertThat(person.getAltId()).isEqualTo("hanne");
    assertThat(person.getWho().getReference()).isEqualTo("PractitionerRole/secretary-kf");
    assertThat(event.getAgent()).anySatisfy(application -> {
      assertThat(application.getRequestor()).isFalse();
      assertThat(application.getName()).isEqualTo("kf-console");
      assertThat(application.getType().getCodingFirstRep().getCode()).isEqualTo("110150");
    });
  }

  @Test
  void aClientSystemIsNamedByItsClientIdAsBefore() {
    Caller system = new Caller("kf-sjaelland-secretariat", PartyRole.SECRETARIAT, "Organization/kf-region-sjaelland",
        "PractitionerRole/secretary-kf", Set.of());

    AuditEvent event = AuditEvents.of(record(system), new Date(), reference -> true, citizen -> null);

    assertThat(event.getAgent().get(0).getName()).isEqualTo("kf-sjaelland-secretariat");
    assertThat(event.getAgent()).noneMatch(a -> a.hasType() && "110150".equals(a.getType().getCodingFirstRep().getCode()));
  }

  @Test
  void theCitizenCarriesTheCprNumberToSearchBy() {
    AuditEvent event = AuditEvents.of(record(SECRETARY), new Date(), reference -> true, citizen -> "0101304123");

    AuditEvent.AuditEventEntityComponent citizen = event.getEntityFirstRep();
    assertThat(citizen.getWhat().getReference()).isEqualTo("Patient/citizen-karen");
    assertThat(citizen.getName()).isEqualTo("0101304123");
    assertThat(citizen.getWhat().getIdentifier().getValue()).isEqualTo("0101304123");
  }

  private static AuditRecord record(Caller caller) {
    return new AuditRecord("U", "update", AuditRecord.Outcome.SUCCESS, AuditRecord.Agent.of(caller),
        "Patient/citizen-karen", null, List.of("Task/task-1"), null);
  }
}
