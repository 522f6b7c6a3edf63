package dk.kfgateway.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue item 10: a LÆ 275 referral with only a general consent is rejected (CONS-003) and {@code $authorize-lookup}
 * denies, yet the EHR read the citizen's Patient and DocumentReferences. A referral returned for a missing specific
 * consent releases nothing: the clinic's EHR and secretariat get for the citizen, the documents and the PDF exactly
 * what an unknown id gets, and neither searches nor the work list's includes bring them along.
 */
class ClinicReadingWithOnlyGeneralConsentTest extends AttackScenario {

  static final String GENERAL_WORDING = "http://kf-gateway.dk/fhir/consent-wording/kommunens-egen-blanket";

  private CaseFile generalOnly() {
    return shared("general-consent", () -> referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND,
        Party.GP_NORDVEJ, referral -> referral.consent().getPolicyFirstRep().setUri(GENERAL_WORDING)));
  }

  @Test
  void theTaskIsRejectedForTheMissingSpecificConsent() {
    Task task = stored(Task.class, generalOnly().task());

    assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REJECTED);
    assertThat(task.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("missing-specific-consent");
  }

  @Test
  void authorizeLookupDeniesWithCons003() {
    Attempt lookup = get(Party.CLINIC_SJAELLAND, "/" + generalOnly().task() + "/$authorize-lookup");

    assertThat(lookup.status()).as(lookup.toString()).isEqualTo(200);
    Parameters answer = FHIR.newJsonParser().parseResource(Parameters.class, lookup.text());
    assertThat(answer.getParameterValue("decision").primitiveValue()).isEqualTo("deny");
    assertThat(answer.getParameterValue("rule").primitiveValue()).isEqualTo("CONS-003");
  }

  @Test
  void theEhrReadingTheCitizenGetsWhatAnUnknownIdGets() {
    CaseFile caseFile = generalOnly();
    Instant since = now();

    Attempt read = get(Party.CLINIC_SJAELLAND, "/" + caseFile.patient());

    assertThat(read.status()).isEqualTo(404);
    assertAnswersAsUnknown(read, caseFile.patient());
    assertAudited(Party.CLINIC_SJAELLAND, since, caseFile.patient());
  }

  static Stream<Arguments> clinicAndWithheld() {
    List<Arguments> all = new ArrayList<>();
    for (Party clinic : List.of(Party.CLINIC_SJAELLAND, Party.SECRETARIAT)) {
      for (String what : List.of("patient", "document", "binaryDocument", "binary")) {
        all.add(Arguments.of(clinic, what));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} reading the case''s {1}")
  @MethodSource("clinicAndWithheld")
  void theClinicReadingTheCitizensDataGetsWhatAnUnknownIdGets(Party clinic, String what) {
    String withheld = withheld(generalOnly(), what);

    Attempt read = get(clinic, "/" + withheld);

    assertThat(read.status()).isEqualTo(404);
    assertAnswersAsUnknown(read, withheld);
  }

  @ParameterizedTest(name = "{0} reading a version of the case''s {1}")
  @MethodSource("clinicAndWithheld")
  void theClinicReadingAVersionOfTheCitizensDataGetsWhatAnUnknownIdGets(Party clinic, String what) {
    String withheld = withheld(generalOnly(), what);

    assertAnswersAsUnknown(get(clinic, "/" + withheld + "/_history/1"), withheld);
  }

  @ParameterizedTest(name = "{0} searching the case''s documents")
  @EnumSource(value = Party.class, names = {"CLINIC_SJAELLAND", "SECRETARIAT"})
  void searchesOfTheClinicFindNoDocumentOfTheCitizen(Party clinic) {
    CaseFile caseFile = generalOnly();

    for (String search : List.of("/DocumentReference?related=" + caseFile.serviceRequest(),
        "/DocumentReference?subject=" + caseFile.patient(), "/Patient?_id=" + CaseFile.idPart(caseFile.patient()))) {
      Attempt found = get(clinic, search);
      assertThat(found.status()).as(found.toString()).isIn(200, 403);
      if (found.status() == 403) {
        assertRefusedByAllowList(found);
      }
      assertRevealsNothingOf(found, caseFile.document(), caseFile.binaryDocument(), caseFile.patient());
    }
  }

  @Test
  void theWorkListIncludesTheReferralButNotTheCitizen() {
    CaseFile caseFile = generalOnly();
    List<String> shown = new ArrayList<>();

    String page = "/Task?owner=Organization/kf-region-sjaelland&status=rejected&_include=Task:focus"
        + "&_include=Task:patient&_count=20";
    for (int i = 0; i < 50 && page != null; i++) {
      Attempt workList = get(Party.CLINIC_SJAELLAND, page);
      assertThat(workList.status()).as(workList.toString()).isEqualTo(200);
      Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, workList.text());
      bundle.getEntry().forEach(e -> shown.add(e.getResource().fhirType() + "/"
          + e.getResource().getIdElement().getIdPart()));
      String next = bundle.getLink("next") == null ? null : bundle.getLink("next").getUrl();
      page = next == null ? null : next.substring(next.indexOf("/fhir") + "/fhir".length());
    }

    assertThat(shown).contains(caseFile.task(), caseFile.serviceRequest()).doesNotContain(caseFile.patient());
  }

  @Test
  void theReferralItselfStaysWithTheClinicThatReturnsIt() {
    assertThat(get(Party.CLINIC_SJAELLAND, "/" + generalOnly().serviceRequest()).status()).isEqualTo(200);
  }

  private static String withheld(CaseFile caseFile, String what) {
    return switch (what) {
      case "patient" -> caseFile.patient();
      case "document" -> caseFile.document();
      case "binaryDocument" -> caseFile.binaryDocument();
      default -> caseFile.binary();
    };
  }
}
