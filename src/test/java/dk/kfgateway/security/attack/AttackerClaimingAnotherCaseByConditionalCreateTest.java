package dk.kfgateway.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kfgateway.support.ReferralFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue item 1: a conditional create (If-None-Exist) that matches another party's resource handed it out, with its
 * PDF. The allow-list has no conditional create but the citizen's by CPR inside a municipality's referral
 * transaction: every other one is refused (SEC-008) before anything is looked up, alone and inside batch and
 * transaction Bundles, whatever the criteria, and the refusal is audited. The one that is allowed answers a
 * municipality whose CPR another municipality already has exactly as for an unknown CPR.
 */
class AttackerClaimingAnotherCaseByConditionalCreateTest extends AttackScenario {

  private static final String RETURN_REPRESENTATION = "return=representation";

  @Test
  void roskildePostingADocumentReferenceIfNoneExistWithHolbaeksDocumentIdGetsNeitherTheDocumentNorItsPdf() {
    Instant since = now();

    Attempt attempt = attempt(Party.ROSKILDE, "POST", "/DocumentReference", "{\"resourceType\":\"DocumentReference\"}",
        "If-None-Exist", "_id=referral-1-doc-1", "Prefer", RETURN_REPRESENTATION);

    assertRefusedByAllowList(attempt);
    assertThat(attempt.text()).doesNotContain("\"data\"", "Patient/citizen-karen", "application/pdf");
    assertAudited(Party.ROSKILDE, since);
  }

  /** Each attacker, and a case type it may create (its scopes), reaching for another party's resource of it. */
  static Stream<Arguments> attackersAndTypes() {
    return Stream.of(
        Arguments.of(Party.ROSKILDE, "Patient"), Arguments.of(Party.ROSKILDE, "ServiceRequest"),
        Arguments.of(Party.ROSKILDE, "Task"), Arguments.of(Party.ROSKILDE, "Consent"),
        Arguments.of(Party.ROSKILDE, "DocumentReference"), Arguments.of(Party.ROSKILDE, "Binary"),
        Arguments.of(Party.KALUNDBORG, "Patient"), Arguments.of(Party.KALUNDBORG, "Task"),
        Arguments.of(Party.CLINIC_MIDTJYLLAND, "DocumentReference"), Arguments.of(Party.CLINIC_MIDTJYLLAND, "Binary"),
        Arguments.of(Party.CLINIC_MIDTJYLLAND, "Communication"), Arguments.of(Party.SECRETARIAT, "Communication"));
  }

  @ParameterizedTest(name = "{0} conditionally creating {1} with the id of another party''s")
  @MethodSource("attackersAndTypes")
  void aConditionalCreateWithAnotherPartysIdIsRefusedForEveryCaseType(Party attacker, String type) {
    String target = victimOf(attacker).of(type);
    Instant since = now();

    Attempt attempt = attempt(attacker, "POST", "/" + type, "{\"resourceType\":\"" + type + "\"}",
        "If-None-Exist", "_id=" + CaseFile.idPart(target), "Prefer", RETURN_REPRESENTATION);

    assertRefusedByAllowList(attempt);
    assertAudited(attacker, since);
  }

  @ParameterizedTest(name = "If-None-Exist: {0}")
  @ValueSource(strings = {"subject=Patient/citizen-karen", "identifier=" + CPR + "|" + KAREN_CPR,
      "subject:Patient.identifier=" + CPR + "|" + KAREN_CPR, "related=ServiceRequest/referral-1",
      "_lastUpdated=gt2000-01-01", "_id=referral-1-doc-1,referral-1-doc-2", "_id=no-such-document"})
  void aConditionalCreateIsRefusedWhateverTheCriteria(String criteria) {
    Instant since = now();

    Attempt attempt = attempt(Party.ROSKILDE, "POST", "/DocumentReference", "{\"resourceType\":\"DocumentReference\"}",
        "If-None-Exist", criteria, "Prefer", RETURN_REPRESENTATION);

    assertRefusedByAllowList(attempt);
    assertAudited(Party.ROSKILDE, since);
  }

  @Test
  void aMunicipalityCreatingACitizenByCprOutsideAReferralIsRefused() {
    Patient karen = new Patient();
    karen.addIdentifier().setSystem(CPR).setValue(KAREN_CPR);
    karen.addName().setFamily("Testesen").addGiven("Karen");

    Attempt attempt = attempt(Party.ROSKILDE, "POST", "/Patient", json(karen),
        "If-None-Exist", "identifier=" + CPR + "|" + KAREN_CPR, "Prefer", RETURN_REPRESENTATION);

    assertRefusedByAllowList(attempt);
    assertThat(attempt.text()).doesNotContain("citizen-karen", "gp-clinic-nordvej");
  }

  @ParameterizedTest(name = "{0} conditionally creating {1} inside a {2}")
  @MethodSource("attackersTypesAndBundles")
  void aConditionalCreateInsideABundleIsRefused(Party attacker, String type, Bundle.BundleType bundleType) {
    String target = victimOf(attacker).of(type);
    org.hl7.fhir.r4.model.Resource empty =
        (org.hl7.fhir.r4.model.Resource) FHIR.getResourceDefinition(type).newInstance();
    Instant since = now();

    Attempt attempt = attempt(attacker, "POST", "", writing(bundleType, Bundle.HTTPVerb.POST, type, empty,
        "_id=" + CaseFile.idPart(target)), "Prefer", RETURN_REPRESENTATION);

    assertRefusedByAllowList(attempt);
    assertRevealsNothingOf(attempt, target);
    assertAudited(attacker, since);
  }

  static Stream<Arguments> attackersTypesAndBundles() {
    List<Arguments> all = new ArrayList<>();
    for (Bundle.BundleType bundleType : List.of(Bundle.BundleType.BATCH, Bundle.BundleType.TRANSACTION)) {
      attackersAndTypes().forEach(a -> all.add(Arguments.of(a.get()[0], a.get()[1], bundleType)));
    }
    return all.stream();
  }

  @Test
  void aReferralWhoseDocumentEntryIsAConditionalCreateIsRefused() {
    ReferralFixture referral = Referrals.from(Party.ROSKILDE, Party.CLINIC_SJAELLAND, Party.GP_STRANDVEJ);
    referral.bundle().getEntry().stream().filter(e -> e.getResource().fhirType().equals("DocumentReference"))
        .findFirst().orElseThrow().getRequest().setIfNoneExist("_id=referral-1-doc-1");
    Instant since = now();

    Attempt attempt = attempt(Party.ROSKILDE, "POST", "", json(referral.bundle()), "Prefer", RETURN_REPRESENTATION);

    assertRefusedByAllowList(attempt);
    assertThat(attempt.text()).doesNotContain("citizen-karen", "\"data\"");
    assertAudited(Party.ROSKILDE, since);
  }

  @ParameterizedTest(name = "{0} referring a citizen nobody has referred")
  @EnumSource(value = Party.class, names = {"ROSKILDE", "KALUNDBORG"})
  void aMunicipalityReferringANewCitizenByCprSucceeds(Party municipality) {
    ReferralFixture referral = Referrals.from(municipality, Party.CLINIC_SJAELLAND, Party.GP_STRANDVEJ);

    Attempt attempt = attempt(municipality, "POST", "", json(referral.bundle()));

    assertThat(attempt.status()).as("the conditional create the allow-list keeps: " + attempt).isEqualTo(200);
  }

  @ParameterizedTest(name = "the referral''s citizen created If-None-Exist: {0}")
  @ValueSource(strings = {"_id=citizen-karen", "identifier=" + KAREN_CPR, "name=Testesen",
      "general-practitioner=Organization/gp-clinic-nordvej", "identifier=" + CPR + "|" + KAREN_CPR + "&_id=citizen-karen",
      // a list of CPRs, one of them the attacker's own citizen: several matches (412) would tell that Karen exists
      "identifier=" + CPR + "|0306324891," + CPR + "|" + KAREN_CPR, "identifier=" + CPR + "|0306324891,0101304123",
      "identifier=" + CPR + "|" + KAREN_CPR + "%2C" + CPR + "|0306324891"})
  void aReferralWhoseCitizenIsMatchedByOtherCriteriaThanTheCprIsRefused(String criteria) {
    ReferralFixture referral = Referrals.from(Party.ROSKILDE, Party.CLINIC_SJAELLAND, Party.GP_STRANDVEJ);
    referral.bundle().getEntryFirstRep().getRequest().setIfNoneExist(criteria);

    Attempt attempt = attempt(Party.ROSKILDE, "POST", "", json(referral.bundle()), "Prefer", RETURN_REPRESENTATION);

    assertRefusedByAllowList(attempt);
    assertThat(attempt.text()).doesNotContain("citizen-karen", "Testesen");
  }

  /** A faulty citizen entry is refused alike whether the CPR is known to another party or to nobody. */
  static Stream<Arguments> faultyCitizens() {
    return Stream.of(
        Arguments.of("no name (IG-001)", (java.util.function.Consumer<Patient>) p -> p.getName().clear(), 422),
        Arguments.of("a GP that does not exist (HAPI-1094)", (java.util.function.Consumer<Patient>) p ->
            p.getGeneralPractitionerFirstRep().setReference("Organization/no-such-clinic"), 400));
  }

  @ParameterizedTest(name = "a citizen entry with {0}")
  @MethodSource("faultyCitizens")
  void aFaultyCitizenEntryIsRefusedAlikeForAKnownAndAnUnknownCpr(String fault,
      java.util.function.Consumer<Patient> spoil, int status) {
    CaseFile holbaeks = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    ReferralFixture known = Referrals.from(Party.ROSKILDE, Party.CLINIC_SJAELLAND, Party.GP_STRANDVEJ);
    known.patient().getIdentifierFirstRep().setValue(holbaeks.cpr());
    known.bundle().getEntryFirstRep().getRequest().setIfNoneExist("identifier=" + CPR + "|" + holbaeks.cpr());
    ReferralFixture unknown = Referrals.from(Party.ROSKILDE, Party.CLINIC_SJAELLAND, Party.GP_STRANDVEJ);
    spoil.accept(known.patient());
    spoil.accept(unknown.patient());

    Attempt forKnown = attempt(Party.ROSKILDE, "POST", "", json(known.bundle()));
    Attempt forUnknown = attempt(Party.ROSKILDE, "POST", "", json(unknown.bundle()));

    assertThat(forKnown.status()).as(forKnown.toString()).isEqualTo(status);
    assertThat(forUnknown.status()).as(forUnknown.toString()).isEqualTo(status);
    assertThat(sameButTheEntry(forKnown.text(), holbaeks.cpr()))
        .isEqualTo(sameButTheEntry(forUnknown.text(), unknown.patient().getIdentifierFirstRep().getValue()));
  }

  /** The answer without what differs by the request itself: the entry's own uuid and CPR. */
  private static String sameButTheEntry(String answer, String cpr) {
    return answer.replace(cpr, "CPR").replaceAll("uuid:[0-9a-f-]+", "uuid");
  }

  @ParameterizedTest(name = "{0} referring a citizen whom Holbæk has referred")
  @EnumSource(value = Party.class, names = {"ROSKILDE", "KALUNDBORG"})
  void aSecondMunicipalityReferringACitizenAnotherAlreadyHasSucceedsAsForAnUnknownCpr(Party municipality) {
    CaseFile holbaeks = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    ReferralFixture known = Referrals.from(municipality, Party.CLINIC_SJAELLAND, Party.GP_STRANDVEJ);
    known.patient().getIdentifierFirstRep().setValue(holbaeks.cpr());
    known.bundle().getEntryFirstRep().getRequest().setIfNoneExist("identifier=" + CPR + "|" + holbaeks.cpr());
    ReferralFixture unknown = Referrals.from(municipality, Party.CLINIC_SJAELLAND, Party.GP_STRANDVEJ);
    Instant since = now();

    Attempt forKnown = attempt(municipality, "POST", "", json(known.bundle()));
    Attempt forUnknown = attempt(municipality, "POST", "", json(unknown.bundle()));

    assertThat(forKnown.status()).as(forKnown.toString()).isEqualTo(200);
    assertThat(shape(forKnown)).as("the answer for a CPR Holbæk has, against one for an unknown CPR")
        .isEqualTo(shape(forUnknown));
    assertThat(forKnown.text()).doesNotContain("caseworker-holbaek", "municipality-holbaek", "gp-clinic-nordvej");
    Patient citizen = stored(Patient.class, holbaeks.patient());
    assertThat(citizen.getGeneralPractitionerFirstRep().getReference())
        .as("the matched citizen is not changed by the second referral").isEqualTo(Party.GP_NORDVEJ.organization);
    assertAuditedRelease(municipality, since);
  }

  /** What a transaction answer says apart from ids and versions: each entry's status and what it carries. */
  private static List<String> shape(Attempt attempt) {
    try {
      JsonNode answer = new ObjectMapper().readTree(attempt.text());
      List<String> shape = new ArrayList<>();
      shape.add(answer.path("resourceType").asText() + " " + answer.path("type").asText());
      for (JsonNode entry : answer.path("entry")) {
        JsonNode response = entry.path("response");
        List<String> fields = new ArrayList<>();
        response.fieldNames().forEachRemaining(fields::add);
        entry.fieldNames().forEachRemaining(f -> fields.add("entry." + f));
        shape.add(response.path("status").asText() + " " + response.path("location").asText().split("/")[0] + " "
            + fields + " " + response.path("outcome").toString().replaceAll("[0-9a-f-]{8,}", "*")
            .replaceAll("/[0-9]+", "/*").replaceAll("Took [0-9][0-9,.]*ms", "Took *ms"));
      }
      return shape;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private CaseFile victimOf(Party attacker) {
    return attacker == Party.SECRETARIAT ? kalundborgsCase() : holbaeksCase();
  }
}
