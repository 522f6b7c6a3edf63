package dk.kfgateway.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue item 3: Holbæk withdraws the consent of a case (the task goes on hold); Roskilde posts a Consent for the same
 * citizen naming Klinisk Funktion, and the task resumed, the clinic read the citizen's documents and
 * {@code $authorize-lookup} permitted, citing Roskilde's consent. A consent belongs to its case: only the one the
 * case's own municipality registers releases or resumes it. Another municipality's consent, posted alone, in a
 * transaction, or with a case of its own of the same citizen, changes nothing of Holbæk's case.
 */
class AttackerResumingACaseWithAForeignConsentTest extends AttackScenario {

  private CaseFile holbaeks;

  @BeforeEach
  void holbaeksCaseHeldForWithdrawnConsent() {
    holbaeks = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    receiveAndAccept(Party.CLINIC_SJAELLAND, holbaeks.task());
    withdrawConsent(Party.HOLBAEK, holbaeks.consent());
    assertThat(status(holbaeks.task())).as("the gateway holds the case (CONS-005)").isEqualTo(Task.TaskStatus.ONHOLD);
  }

  @Test
  void roskildesConsentForTheSameCitizenNamingKlinikFunktionDoesNotResumeHolbaeksTask() {
    Instant since = now();

    attempt(Party.ROSKILDE, "POST", "/Consent",
        json(consentFor(Party.ROSKILDE, Party.CLINIC_SJAELLAND, holbaeks.patient())));

    assertThat(status(holbaeks.task())).isEqualTo(Task.TaskStatus.ONHOLD);
    assertThat(auditOf(Party.ROSKILDE, since)).as("Roskilde's attempt is audited").isNotEmpty();
  }

  @Test
  void roskildesConsentAnswersAsForACitizenThatDoesNotExist() {
    Attempt attempt = attempt(Party.ROSKILDE, "POST", "/Consent",
        json(consentFor(Party.ROSKILDE, Party.CLINIC_SJAELLAND, holbaeks.patient())));

    assertAnswersAsUnknown(attempt, holbaeks.patient());
  }

  @Test
  void afterRoskildesConsentTheClinicReadsNeitherTheCitizenNorTheDocumentsNorThePdf() {
    attempt(Party.ROSKILDE, "POST", "/Consent",
        json(consentFor(Party.ROSKILDE, Party.CLINIC_SJAELLAND, holbaeks.patient())));

    assertWithheldFromTheClinic();
  }

  @Test
  void afterRoskildesConsentAuthorizeLookupStillDeniesAndCitesNoForeignConsent() {
    String roskildes = createdConsent(attempt(Party.ROSKILDE, "POST", "/Consent",
        json(consentFor(Party.ROSKILDE, Party.CLINIC_SJAELLAND, holbaeks.patient()))));

    Parameters lookup = lookup(holbaeks.task());

    assertThat(lookup.getParameterValue("decision").primitiveValue()).isEqualTo("deny");
    assertThat(lookup.getParameter().stream().filter(p -> p.getName().equals("consent"))
        .map(p -> ((Reference) p.getValue()).getReference()))
        .as("the consent relied on").noneMatch(c -> roskildes != null && c.contains(roskildes));
  }

  @ParameterizedTest(name = "{0} posting its consent inside a transaction")
  @EnumSource(value = Party.class, names = {"ROSKILDE", "KALUNDBORG"})
  void aForeignConsentInsideATransactionResumesNothing(Party municipality) {
    attempt(municipality, "POST", "", writing(Bundle.BundleType.TRANSACTION, Bundle.HTTPVerb.POST, "Consent",
        consentFor(municipality, Party.CLINIC_SJAELLAND, holbaeks.patient()), null));

    assertThat(status(holbaeks.task())).isEqualTo(Task.TaskStatus.ONHOLD);
    assertWithheldFromTheClinic();
    assertThat(lookup(holbaeks.task()).getParameterValue("decision").primitiveValue()).isEqualTo("deny");
  }

  @Test
  void roskildeWithACaseOfItsOwnOfTheCitizenAtTheSameClinicResumesNothingOfHolbaeks() {
    Attempt roskildesReferral = attempt(Party.ROSKILDE, "POST", "", json(sameCitizen(Party.ROSKILDE).bundle()));
    assertThat(roskildesReferral.status()).as("Roskilde refers the same citizen: " + roskildesReferral).isEqualTo(200);

    attempt(Party.ROSKILDE, "POST", "/Consent",
        json(consentFor(Party.ROSKILDE, Party.CLINIC_SJAELLAND, holbaeks.patient())));

    assertThat(status(holbaeks.task())).isEqualTo(Task.TaskStatus.ONHOLD);
    for (String document : List.of(holbaeks.document(), holbaeks.binaryDocument(), holbaeks.binary())) {
      assertAnswersAsUnknown(get(Party.CLINIC_SJAELLAND, "/" + document), document);
    }
    assertThat(lookup(holbaeks.task()).getParameterValue("decision").primitiveValue()).isEqualTo("deny");
  }

  @Test
  void holbaeksOwnNewConsentResumesTheTask() {
    Attempt own = attempt(Party.HOLBAEK, "POST", "/Consent",
        json(consentFor(Party.HOLBAEK, Party.CLINIC_SJAELLAND, holbaeks.patient())));

    assertThat(own.status()).as(own.toString()).isEqualTo(201);
    assertThat(status(holbaeks.task())).isEqualTo(Task.TaskStatus.ACCEPTED);
    assertThat(get(Party.CLINIC_SJAELLAND, "/" + holbaeks.document()).status()).isEqualTo(200);
  }

  private void assertWithheldFromTheClinic() {
    for (String withheld : List.of(holbaeks.patient(), holbaeks.document(), holbaeks.binaryDocument(),
        holbaeks.binary())) {
      assertAnswersAsUnknown(get(Party.CLINIC_SJAELLAND, "/" + withheld), withheld);
    }
    Attempt search = get(Party.CLINIC_SJAELLAND, "/DocumentReference?related=" + holbaeks.serviceRequest());
    assertThat(search.status()).as(search.toString()).isIn(200, 403);
    assertRevealsNothingOf(search, holbaeks.document(), holbaeks.binaryDocument());
  }

  private Parameters lookup(String task) {
    Attempt lookup = get(Party.CLINIC_SJAELLAND, "/" + task + "/$authorize-lookup");
    assertThat(lookup.status()).as(lookup.toString()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Parameters.class, lookup.text());
  }

  private Task.TaskStatus status(String task) {
    return stored(Task.class, task).getStatus();
  }

  private dk.kfgateway.support.ReferralFixture sameCitizen(Party municipality) {
    dk.kfgateway.support.ReferralFixture referral =
        Referrals.from(municipality, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    referral.patient().getIdentifierFirstRep().setValue(holbaeks.cpr());
    referral.bundle().getEntryFirstRep().getRequest().setIfNoneExist("identifier=" + CPR + "|" + holbaeks.cpr());
    return referral;
  }

  private static String createdConsent(Attempt attempt) {
    return attempt.status() == 201
        ? attempt.answer().headers().firstValue("Location").orElse("").replaceAll(".*/Consent/([^/]+).*", "$1")
        : null;
  }
}
