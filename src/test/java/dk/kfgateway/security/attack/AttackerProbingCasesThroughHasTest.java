package dk.kfgateway.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue item 4: {@code _has} on the directory types revealed case facts: which caseworker has a case for a CPR, a
 * case's service and status, a citizen's GP, who got copies; for GPs and the administrator too, inside batches, and
 * unaudited. No party's work needs {@code _has}: the allow-list refuses it (SEC-008) for everybody, on every type,
 * alone and inside batch and transaction Bundles, and the attempt is audited.
 */
class AttackerProbingCasesThroughHasTest extends AttackScenario {

  static final List<Party> ATTACKERS = List.of(Party.GP_NORDVEJ, Party.GP_STRANDVEJ, Party.ADMINISTRATOR,
      Party.ROSKILDE, Party.KALUNDBORG, Party.CLINIC_MIDTJYLLAND, Party.SECRETARIAT);

  /** A probe, and what it would reveal if it were answered. */
  record Probe(String fact, String path, String revealed) {
    @Override
    public String toString() {
      return fact;
    }
  }

  static List<Probe> probes() {
    String karen = CPR + "|" + KAREN_CPR;
    return List.of(
        new Probe("the caseworker who has a case for a CPR",
            "/PractitionerRole?_has:Task:requester:patient.identifier=" + karen, "caseworker-holbaek"),
        new Probe("a case's service",
            "/PractitionerRole?_has:ServiceRequest:requester:code=le275-certificate"
                + "&_has:ServiceRequest:requester:subject=Patient/citizen-karen", "caseworker-holbaek"),
        new Probe("a case's status",
            "/PractitionerRole?_has:Task:requester:status=requested&_has:Task:requester:patient=Patient/citizen-karen",
            "caseworker-holbaek"),
        new Probe("the clinic that has a citizen's case",
            "/Organization?_has:Task:owner:patient.identifier=" + karen, "kf-region-sjaelland"),
        new Probe("a citizen's GP by CPR",
            "/Organization?_has:Patient:general-practitioner:identifier=" + karen, "gp-clinic-nordvej"),
        new Probe("who got copies about a citizen",
            "/Organization?_has:Communication:recipient:subject.identifier=" + karen, "gp-clinic-"),
        new Probe("a caseworker's citizens",
            "/Patient?_has:Task:patient:requester=PractitionerRole/caseworker-holbaek", "citizen-karen"),
        new Probe("the practitioner behind a case",
            "/Practitioner?_has:PractitionerRole:practitioner:_has:Task:requester:patient.identifier=" + karen,
            "mette-jensen"));
  }

  static Stream<Arguments> attackersAndProbes() {
    List<Arguments> all = new ArrayList<>();
    for (Party attacker : ATTACKERS) {
      for (Probe probe : probes()) {
        if (mayRead(attacker, probe.path())) {
          all.add(Arguments.of(attacker, probe));
        }
      }
    }
    return all.stream();
  }

  @Test
  void gpNordvejAskingWhichCaseworkerHasACaseForKarensCprIsRefused() {
    Instant since = now();

    Attempt attempt = get(Party.GP_NORDVEJ,
        "/PractitionerRole?_has:Task:requester:patient.identifier=" + CPR + "|" + KAREN_CPR);

    assertRefusedByAllowList(attempt);
    assertThat(attempt.text()).doesNotContain("caseworker-holbaek");
    assertAudited(Party.GP_NORDVEJ, since);
  }

  @ParameterizedTest(name = "{0} probing for {1}")
  @MethodSource("attackersAndProbes")
  void everyHasProbeIsRefusedAndAudited(Party attacker, Probe probe) {
    Instant since = now();

    Attempt attempt = get(attacker, probe.path());

    assertRefusedByAllowList(attempt);
    assertThat(attempt.text()).doesNotContain(probe.revealed());
    assertAudited(attacker, since);
  }

  @ParameterizedTest(name = "{0} probing for {1} inside a batch")
  @MethodSource("attackersAndProbes")
  void everyHasProbeInsideABatchIsRefusedAndAudited(Party attacker, Probe probe) {
    Instant since = now();

    Attempt attempt = attempt(attacker, "POST", "", reading(Bundle.BundleType.BATCH, probe.path().substring(1)));

    assertRefusedByAllowList(attempt);
    assertThat(attempt.text()).doesNotContain(probe.revealed());
    assertAudited(attacker, since);
  }

  @ParameterizedTest(name = "{0} probing for {1} inside a transaction")
  @MethodSource("attackersAndProbes")
  void everyHasProbeInsideATransactionIsRefused(Party attacker, Probe probe) {
    Attempt attempt = attempt(attacker, "POST", "", reading(Bundle.BundleType.TRANSACTION, probe.path().substring(1)));

    assertRefusedByAllowList(attempt);
    assertThat(attempt.text()).doesNotContain(probe.revealed());
  }

  @Test
  void aHasProbeOnTheCitizenOfTheAttackersOwnCaseIsRefusedAsWell() {
    CaseFile own = holbaeksCase();

    Attempt attempt = get(Party.HOLBAEK, "/Patient?_has:Task:patient:requester=" + Party.HOLBAEK.person
        + "&_id=" + CaseFile.idPart(own.patient()));

    assertRefusedByAllowList(attempt);
  }

  /** Whether the party's scopes let it search the probe's type (README, scopes of each role). */
  static boolean mayRead(Party party, String path) {
    String type = path.substring(1, path.indexOf('?'));
    return switch (party) {
      case ADMINISTRATOR -> List.of("Organization", "PractitionerRole", "Practitioner").contains(type);
      default -> true;
    };
  }
}
