package dk.kfgateway.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue item 9: conditional-create matches, {@code POST Patient/x/$everything}, batch searches and {@code _has}
 * searches left no AuditEvent, and a replayed page was recorded as a success of the replaying party. Every release of
 * citizen data, whatever the path, and every refusal is in the audit trail (sundhedsloven §42a): a denial with
 * outcome 4 and the rule in its reason (SEC-008 for the allow-list, SEC-004 for another party's data), a release with
 * outcome 0 naming the citizen and what was shown.
 */
class AttackerLeavingNoTraceTest extends AttackScenario {

  @Test
  void aConditionalCreateAimedAtAnotherPartysDocumentLeavesADenial() {
    Instant since = now();

    attempt(Party.ROSKILDE, "POST", "/DocumentReference", "{\"resourceType\":\"DocumentReference\"}",
        "If-None-Exist", "_id=referral-1-doc-1", "Prefer", "return=representation");

    assertThat(assertAudited(Party.ROSKILDE, since).getOutcomeDesc()).contains(ALLOW_LIST);
  }

  @Test
  void postingEverythingOfAnotherPartysCitizenLeavesADenial() {
    Instant since = now();

    attempt(Party.KALUNDBORG, "POST", "/Patient/citizen-karen/$everything", null);

    assertAudited(Party.KALUNDBORG, since);
  }

  @Test
  void postingEverythingOfTheOwnCitizenLeavesARecordOfWhatItReleasedOrRefused() {
    CaseFile own = holbaeksCase();
    Instant since = now();

    Attempt attempt = attempt(Party.HOLBAEK, "POST", "/" + own.patient() + "/$everything", null);

    if (attempt.status() == 200) {
      assertAuditedRelease(Party.HOLBAEK, since, own.patient());
    } else {
      assertRefusedByAllowList(attempt);
      assertAudited(Party.HOLBAEK, since);
    }
  }

  @Test
  void aSearchInsideABatchLeavesARecord() {
    Instant since = now();

    Attempt attempt = attempt(Party.HOLBAEK, "POST", "",
        reading(Bundle.BundleType.BATCH, "DocumentReference?subject=Patient/citizen-karen"));

    assertRefusedByAllowList(attempt);
    assertThat(assertAudited(Party.HOLBAEK, since).getOutcomeDesc()).contains(ALLOW_LIST);
  }

  @Test
  void aHasSearchLeavesADenial() {
    Instant since = now();

    get(Party.GP_NORDVEJ, "/PractitionerRole?_has:Task:requester:patient.identifier=" + CPR + "|" + KAREN_CPR);

    assertThat(assertAudited(Party.GP_NORDVEJ, since).getOutcomeDesc()).contains(ALLOW_LIST);
  }

  @Test
  void aReplayedPageIsRecordedAsADenialNotAsASuccessOfTheReplayingParty() {
    Attempt first = get(Party.HOLBAEK, "/DocumentReference?_count=1");
    String next = FHIR.newJsonParser().parseResource(Bundle.class, first.text()).getLink("next").getUrl();
    Instant since = now();

    get(Party.GP_STRANDVEJ, next.substring(next.indexOf("/fhir") + "/fhir".length()));

    assertThat(auditOf(Party.GP_STRANDVEJ, since)).as("successes recorded for the replaying party")
        .noneMatch(e -> e.getOutcome() == AuditEvent.AuditEventOutcome._0);
    assertThat(assertAudited(Party.GP_STRANDVEJ, since).getOutcomeDesc()).contains("SEC-004");
  }

  @Test
  void theSearchingClientsNextPageIsRecordedAsAReleaseOfWhatItShowed() {
    Attempt first = get(Party.HOLBAEK, "/DocumentReference?_count=1");
    String next = FHIR.newJsonParser().parseResource(Bundle.class, first.text()).getLink("next").getUrl();
    Instant since = now();

    Attempt page = get(Party.HOLBAEK, next.substring(next.indexOf("/fhir") + "/fhir".length()));

    Bundle shown = FHIR.newJsonParser().parseResource(Bundle.class, page.text());
    String document = "DocumentReference/" + shown.getEntryFirstRep().getResource().getIdElement().getIdPart();
    assertAuditedRelease(Party.HOLBAEK, since, document);
  }

  @Test
  void aReadOfAnotherPartysResourceInsideATransactionLeavesADenial() {
    Instant since = now();

    attempt(Party.KALUNDBORG, "POST", "", reading(Bundle.BundleType.TRANSACTION, "Task/task-1"));

    assertAudited(Party.KALUNDBORG, since);
  }

  @Test
  void aReadOfAnotherPartysResourceNamesItAndTheRule() {
    Instant since = now();

    get(Party.KALUNDBORG, "/DocumentReference/referral-1-doc-1");

    AuditEvent denial = assertAudited(Party.KALUNDBORG, since, "DocumentReference/referral-1-doc-1");
    assertThat(denial.getOutcomeDesc()).contains("SEC-004");
  }

  @Test
  void aReleaseToTheClinicNamesTheCitizenAndTheDocument() {
    CaseFile holbaeks = holbaeksCase();
    Instant since = now();

    Attempt read = get(Party.CLINIC_SJAELLAND, "/" + holbaeks.document());

    assertThat(read.status()).isEqualTo(200);
    assertAuditedRelease(Party.CLINIC_SJAELLAND, since, holbaeks.document(), holbaeks.patient());
  }

  @Test
  void aReleaseOfAPdfNamesTheBinaryAndTheCitizen() {
    CaseFile holbaeks = holbaeksCase();
    Instant since = now();

    Attempt read = get(Party.CLINIC_SJAELLAND, "/" + holbaeks.binary());

    assertThat(read.status()).isEqualTo(200);
    assertAuditedRelease(Party.CLINIC_SJAELLAND, since, holbaeks.binary(), holbaeks.patient());
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(Party.GP_NORDVEJ, "/Patient?_id=citizen-karen&_revinclude=DocumentReference:subject"),
        Arguments.of(Party.CLINIC_MIDTJYLLAND, "/Task/task-1/$meta"),
        Arguments.of(Party.KALUNDBORG, "/Task/_history"),
        Arguments.of(Party.ROSKILDE, "/DocumentReference?subject.identifier=" + CPR + "|" + KAREN_CPR),
        Arguments.of(Party.SECRETARIAT, "/Task?_security=http://kf-gateway.dk/fhir/CodeSystem/kf-access|municipality-holbaek"),
        Arguments.of(Party.ADMINISTRATOR, "/Organization?_has:Patient:general-practitioner:identifier=" + CPR + "|"
            + KAREN_CPR));
  }

  @ParameterizedTest(name = "{0} GET {1}")
  @MethodSource("refusals")
  void everyRefusalOfTheAllowListIsADenialNamingTheRule(Party attacker, String path) {
    Instant since = now();

    Attempt attempt = get(attacker, path);

    assertRefusedByAllowList(attempt);
    assertThat(assertAudited(attacker, since).getOutcomeDesc()).contains(ALLOW_LIST);
  }
}
