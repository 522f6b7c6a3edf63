package dk.kfgateway.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue item 6: a Binary entry of a referral (its securityContext the document) stayed readable by the clinic after
 * the consent was withdrawn, while its DocumentReference answered 404. A Binary follows its DocumentReference: once
 * the consent is withdrawn, the clinic's EHR and secretariat get for the PDF, by every path, exactly what an unknown
 * id gets, and so does every party that never could see the document.
 */
class AttackerReadingABinaryAfterWithdrawalTest extends AttackScenario {

  /** A Holbæk case whose consent was withdrawn after the clinic had read the case. */
  private CaseFile withdrawn() {
    return shared("withdrawn", () -> {
      CaseFile caseFile = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
      get(Party.CLINIC_SJAELLAND, "/" + caseFile.binary());
      withdrawConsent(Party.HOLBAEK, caseFile.consent());
      return caseFile;
    });
  }

  @Test
  void whileTheConsentHoldsTheClinicReadsTheDocumentAndItsPdf() {
    CaseFile caseFile = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);

    assertThat(get(Party.CLINIC_SJAELLAND, "/" + caseFile.binaryDocument()).status()).isEqualTo(200);
    assertThat(get(Party.CLINIC_SJAELLAND, "/" + caseFile.binary()).status()).isEqualTo(200);
  }

  @Test
  void afterTheWithdrawalTheClinicReadingTheBinaryGetsWhatAnUnknownIdGets() {
    CaseFile caseFile = withdrawn();
    Instant since = now();

    Attempt read = get(Party.CLINIC_SJAELLAND, "/" + caseFile.binary());

    assertThat(read.status()).isEqualTo(404);
    assertAnswersAsUnknown(read, caseFile.binary());
    assertAudited(Party.CLINIC_SJAELLAND, since, caseFile.binary());
  }

  @Test
  void afterTheWithdrawalTheDocumentOfTheBinaryAnswersAsUnknownToo() {
    CaseFile caseFile = withdrawn();

    Attempt read = get(Party.CLINIC_SJAELLAND, "/" + caseFile.binaryDocument());

    assertAnswersAsUnknown(read, caseFile.binaryDocument());
  }

  @ParameterizedTest(name = "{0} reading the PDF after the withdrawal")
  @EnumSource(value = Party.class, names = {"CLINIC_SJAELLAND", "SECRETARIAT"})
  void afterTheWithdrawalThePdfAskedForAsPdfAnswersAsUnknown(Party clinic) {
    CaseFile caseFile = withdrawn();

    Attempt read = attempt(clinic, "GET", "/" + caseFile.binary(), null, "Accept", "application/pdf");

    assertThat(read.status()).isEqualTo(404);
    assertAnswersAsUnknown(read, caseFile.binary());
  }

  @ParameterizedTest(name = "{0} reading a version of the PDF after the withdrawal")
  @EnumSource(value = Party.class, names = {"CLINIC_SJAELLAND", "SECRETARIAT"})
  void afterTheWithdrawalAVersionOfThePdfAnswersAsUnknown(Party clinic) {
    CaseFile caseFile = withdrawn();

    Attempt read = get(clinic, "/" + caseFile.binary() + "/_history/1");

    assertAnswersAsUnknown(read, caseFile.binary());
  }

  @Test
  void afterTheWithdrawalTheBinaryAskedForInsideABatchIsRefused() {
    CaseFile caseFile = withdrawn();
    Instant since = now();

    Attempt attempt = attempt(Party.CLINIC_SJAELLAND, "POST", "",
        reading(Bundle.BundleType.BATCH, caseFile.binary(), caseFile.binaryDocument()));

    assertRefusedByAllowList(attempt);
    assertThat(attempt.text()).doesNotContain("\"data\"", "application/pdf");
    assertAudited(Party.CLINIC_SJAELLAND, since);
  }

  @Test
  void afterTheWithdrawalTheBinaryAskedForInsideATransactionAnswersAsUnknown() {
    CaseFile caseFile = withdrawn();

    Attempt attempt = attempt(Party.CLINIC_SJAELLAND, "POST", "",
        reading(Bundle.BundleType.TRANSACTION, caseFile.binary()));

    assertUnknownOrRefused(attempt, caseFile.binary());
    assertThat(attempt.text()).doesNotContain("\"data\"");
  }

  @Test
  void afterTheWithdrawalTheDocumentsPdfAskedForByBinaryAccessReadIsRefusedOrUnknown() {
    CaseFile caseFile = withdrawn();

    Attempt attempt = get(Party.CLINIC_SJAELLAND, "/" + caseFile.binaryDocument()
        + "/$binary-access-read?path=DocumentReference.content.attachment");

    assertUnknownOrRefused(attempt, caseFile.binaryDocument());
  }

  @Test
  void afterTheWithdrawalNoSearchOfTheClinicShowsTheDocumentOfThePdf() {
    CaseFile caseFile = withdrawn();

    Attempt search = get(Party.CLINIC_SJAELLAND, "/DocumentReference?related=" + caseFile.serviceRequest());

    assertThat(search.status()).isEqualTo(200);
    assertRevealsNothingOf(search, caseFile.binaryDocument(), caseFile.binary(), caseFile.document());
  }

  @ParameterizedTest(name = "{0} reading the PDF of Holbæk''s case")
  @EnumSource(value = Party.class, names = {"KALUNDBORG", "ROSKILDE", "CLINIC_MIDTJYLLAND", "GP_NORDVEJ",
      "GP_STRANDVEJ"})
  void aPartyThatNeverSawTheDocumentReadingItsPdfGetsWhatAnUnknownIdGets(Party attacker) {
    CaseFile holbaeks = holbaeksCase();
    Instant since = now();

    Attempt read = get(attacker, "/" + holbaeks.binary());

    assertThat(read.status()).isEqualTo(404);
    assertAnswersAsUnknown(read, holbaeks.binary());
    assertAudited(attacker, since, holbaeks.binary());
  }
}
