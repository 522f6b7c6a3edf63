package dk.kfgateway.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.ReferralFixture;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue item 8: after posting one referral for a citizen Holbæk had referred, Roskilde PUT the Patient with another
 * {@code generalPractitioner}, and Holbæk's LÆ 275 certificate copy would have gone to that GP. A citizen whose cases
 * belong to several municipalities is changed by none of them alone (SEC-010, README "One citizen, several
 * municipalities"), by no path (update, patch, transaction, batch, conditional update, a later referral), and the
 * attempt is audited; a municipality that alone has cases of the citizen may still correct it.
 */
class AttackerRewritingASharedCitizenTest extends AttackScenario {

  private CaseFile holbaeks;

  @BeforeEach
  void holbaekRefersACitizenWhoseGpIsNordvej() {
    holbaeks = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
  }

  @Test
  void roskildePuttingTheSharedCitizenWithAnotherGpIsRefusedAndAudited() {
    roskildeRefersTheSameCitizen();
    Patient changed = readAs(Party.ROSKILDE, Patient.class, holbaeks.patient())
        .setGeneralPractitioner(List.of(new Reference(Party.GP_STRANDVEJ.organization)));
    Instant since = now();

    Attempt attempt = attempt(Party.ROSKILDE, "PUT", "/" + holbaeks.patient(), json(changed));

    assertRefusedWith(attempt, "SEC-010");
    assertTheGpIsStillNordvej();
    assertAudited(Party.ROSKILDE, since, holbaeks.patient());
  }

  @Test
  void holbaekPuttingTheCitizenOnceRoskildeHasACaseIsRefusedToo() {
    roskildeRefersTheSameCitizen();
    Patient changed = readAs(Party.HOLBAEK, Patient.class, holbaeks.patient())
        .setGeneralPractitioner(List.of(new Reference(Party.GP_STRANDVEJ.organization)));

    Attempt attempt = attempt(Party.HOLBAEK, "PUT", "/" + holbaeks.patient(), json(changed));

    assertRefusedWith(attempt, "SEC-010");
    assertTheGpIsStillNordvej();
  }

  @Test
  void roskildePatchingTheGpOfTheSharedCitizenIsRefused() {
    roskildeRefersTheSameCitizen();

    Attempt attempt = attempt(Party.ROSKILDE, "PATCH", "/" + holbaeks.patient(),
        "[{\"op\":\"replace\",\"path\":\"/generalPractitioner/0/reference\",\"value\":\""
            + Party.GP_STRANDVEJ.organization + "\"}]", "Content-Type", "application/json-patch+json");

    assertRefusedWith(attempt, "SEC-010", ALLOW_LIST);
    assertTheGpIsStillNordvej();
  }

  @Test
  void roskildePuttingTheSharedCitizenInsideATransactionIsRefused() {
    roskildeRefersTheSameCitizen();
    Patient changed = readAs(Party.ROSKILDE, Patient.class, holbaeks.patient())
        .setGeneralPractitioner(List.of(new Reference(Party.GP_STRANDVEJ.organization)));

    Attempt attempt = attempt(Party.ROSKILDE, "POST", "",
        writing(Bundle.BundleType.TRANSACTION, Bundle.HTTPVerb.PUT, holbaeks.patient(), changed, null));

    assertRefusedWith(attempt, "SEC-010", ALLOW_LIST);
    assertTheGpIsStillNordvej();
  }

  @Test
  void roskildePuttingTheSharedCitizenInsideABatchIsRefused() {
    roskildeRefersTheSameCitizen();
    Patient changed = readAs(Party.ROSKILDE, Patient.class, holbaeks.patient())
        .setGeneralPractitioner(List.of(new Reference(Party.GP_STRANDVEJ.organization)));

    Attempt attempt = attempt(Party.ROSKILDE, "POST", "",
        writing(Bundle.BundleType.BATCH, Bundle.HTTPVerb.PUT, holbaeks.patient(), changed, null));

    assertRefusedByAllowList(attempt);
    assertTheGpIsStillNordvej();
  }

  @Test
  void roskildePuttingTheCitizenConditionallyByCprIsRefused() {
    Patient claimed = new Patient();
    claimed.addIdentifier().setSystem(CPR).setValue(holbaeks.cpr());
    claimed.addName().setFamily("Fiktivsen").addGiven("Test");
    claimed.setGeneralPractitioner(List.of(new Reference(Party.GP_STRANDVEJ.organization)));

    Attempt attempt = attempt(Party.ROSKILDE, "PUT", "/Patient?identifier=" + CPR + "|" + holbaeks.cpr(),
        json(claimed));

    assertRefusedByAllowList(attempt);
    assertRevealsNothingOf(attempt, holbaeks.patient());
    assertTheGpIsStillNordvej();
  }

  @Test
  void roskildesReferralNamingAnotherGpLeavesTheCitizenAsHolbaekReferredIt() {
    roskildeRefersTheSameCitizen();

    assertTheGpIsStillNordvej();
  }

  @Test
  void kalundborgWithoutACaseOfTheCitizenPuttingItGetsWhatAnUnknownIdGets() {
    Patient changed = stored(Patient.class, holbaeks.patient());
    changed.setMeta(null);
    changed.setGeneralPractitioner(List.of(new Reference(Party.GP_STRANDVEJ.organization)));

    Attempt attempt = attempt(Party.KALUNDBORG, "PUT", "/" + holbaeks.patient(), json(changed));

    assertAnswersAsUnknown(attempt, holbaeks.patient());
    assertTheGpIsStillNordvej();
  }

  @Test
  void aMunicipalityAloneWithItsCitizenMayStillCorrectIt() {
    Patient corrected = readAs(Party.HOLBAEK, Patient.class, holbaeks.patient())
        .setGeneralPractitioner(List.of(new Reference(Party.GP_STRANDVEJ.organization)));

    Attempt attempt = attempt(Party.HOLBAEK, "PUT", "/" + holbaeks.patient(), json(corrected));

    assertThat(attempt.status()).as(attempt.toString()).isEqualTo(200);
  }

  private void roskildeRefersTheSameCitizen() {
    ReferralFixture referral = Referrals.from(Party.ROSKILDE, Party.CLINIC_SJAELLAND, Party.GP_STRANDVEJ);
    referral.patient().getIdentifierFirstRep().setValue(holbaeks.cpr());
    referral.bundle().getEntryFirstRep().getRequest().setIfNoneExist("identifier=" + CPR + "|" + holbaeks.cpr());
    Attempt posted = attempt(Party.ROSKILDE, "POST", "", json(referral.bundle()));
    assertThat(posted.status()).as("Roskilde refers the citizen Holbæk referred: " + posted).isEqualTo(200);
  }

  private void assertTheGpIsStillNordvej() {
    assertThat(stored(Patient.class, holbaeks.patient()).getGeneralPractitioner())
        .extracting(Reference::getReference).containsExactly(Party.GP_NORDVEJ.organization);
  }
}
