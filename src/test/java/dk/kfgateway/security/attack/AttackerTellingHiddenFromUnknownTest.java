package dk.kfgateway.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue item 7: hidden was not the same as unknown. Another party's {@code Task/task-1} answered HAPI-1995 where an
 * unknown id answers HAPI-2001; instance {@code _history} 200 empty against 404; other codes for {@code $meta},
 * {@code $validate}, {@code $everything}; a conditional PATCH said "matched 2 resources", a conditional PUT named
 * {@code Patient/citizen-jonas}. On every path, for every case type and every party, another party's resource gets
 * byte for byte what an id that never existed gets (or the allow-list's refusal, the same for both), and the attempt
 * is audited as denied.
 */
class AttackerTellingHiddenFromUnknownTest extends AttackScenario {

  /**
   * The ways of reaching one resource, and the scope letter each needs (README, how interactions map to scopes; an
   * operation on an instance by POST counts as an update).
   */
  enum Path {
    READ('r'), VREAD('r'), INSTANCE_HISTORY('r'), META('r'), VALIDATE_BY_GET('r'), VALIDATE_BY_POST('u'),
    EVERYTHING('r'), UPDATE('u'), PATCH('u'), SEARCH_BY_ID('s'), READ_IN_A_TRANSACTION('r'), READ_IN_A_BATCH('r');

    final char scope;

    Path(char scope) {
      this.scope = scope;
    }
  }

  /** The scopes of each role on the case types (README, scopes of each role). */
  private static final Map<String, Map<String, String>> SCOPES = Map.of(
      "MUNICIPALITY", Map.of("ServiceRequest", "crs", "Task", "crus", "Patient", "crus", "Consent", "crus",
          "DocumentReference", "crus", "Binary", "cr", "Communication", "rs"),
      "CLINIC", Map.of("Task", "rus", "ServiceRequest", "rs", "Patient", "rs", "Consent", "rs",
          "DocumentReference", "crus", "Binary", "cr", "Communication", "crus"),
      "SECRETARIAT", Map.of("Task", "rus", "ServiceRequest", "rs", "Patient", "rs", "Consent", "rs",
          "DocumentReference", "rs", "Binary", "r", "Communication", "crus"),
      "GP", Map.of("Communication", "rs", "DocumentReference", "rs", "Binary", "r", "Patient", "rs"));

  static String roleOf(Party party) {
    return switch (party) {
      case HOLBAEK, KALUNDBORG, ROSKILDE -> "MUNICIPALITY";
      case CLINIC_SJAELLAND, CLINIC_MIDTJYLLAND -> "CLINIC";
      case SECRETARIAT -> "SECRETARIAT";
      case GP_NORDVEJ, GP_STRANDVEJ -> "GP";
      case ADMINISTRATOR -> "ADMINISTRATOR";
    };
  }

  static boolean mayTry(Party party, String type, Path path) {
    String letters = SCOPES.getOrDefault(roleOf(party), Map.of()).getOrDefault(type, "");
    return letters.indexOf(path.scope) >= 0 && (path != Path.EVERYTHING || type.equals("Patient"));
  }

  /** Each attacker against the case it is no party of: Holbæk's case, or Kalundborg's for Sjælland's parties. */
  static Stream<Arguments> attempts() {
    List<Arguments> all = new ArrayList<>();
    for (Party attacker : List.of(Party.KALUNDBORG, Party.ROSKILDE, Party.CLINIC_MIDTJYLLAND, Party.CLINIC_SJAELLAND,
        Party.SECRETARIAT, Party.GP_STRANDVEJ, Party.GP_NORDVEJ)) {
      for (String type : CaseFile.TYPES) {
        for (Path path : Path.values()) {
          if (mayTry(attacker, type, path)) {
            all.add(Arguments.of(attacker, type, path));
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}: {2} of another party''s {1}")
  @MethodSource("attempts")
  void anotherPartysResourceAnswersAsAnUnknownOneOnEveryPath(Party attacker, String type, Path path) {
    String target = victimOf(attacker).of(type);
    Instant since = now();

    Attempt attempt = reach(attacker, path, target);

    assertUnknownOrRefused(attempt, target);
    if (path == Path.SEARCH_BY_ID && attempt.status() == 200) {
      assertThat(auditOf(attacker, since)).as("the search is audited").isNotEmpty();
    } else {
      assertAudited(attacker, since);
    }
  }

  @Test
  void kalundborgReadingHiddenTask1GetsTheWordingOfAnUnknownId() {
    Instant since = now();

    Attempt read = get(Party.KALUNDBORG, "/Task/task-1");

    assertThat(read.status()).isEqualTo(404);
    assertThat(read.text()).contains("HAPI-2001: Resource Task/task-1 is not known");
    assertAnswersAsUnknown(read, "Task/task-1");
    assertAudited(Party.KALUNDBORG, since, "Task/task-1");
  }

  @Test
  void kalundborgAskingForTheHistoryOfHiddenTask1GetsWhatAnUnknownIdGets() {
    assertUnknownOrRefused(get(Party.KALUNDBORG, "/Task/task-1/_history"), "Task/task-1");
  }

  @Test
  void kalundborgAskingForTheMetaValidationAndEverythingOfKarenGetsWhatAnUnknownIdGets() {
    assertUnknownOrRefused(get(Party.KALUNDBORG, "/Task/task-1/$meta"), "Task/task-1");
    assertUnknownOrRefused(get(Party.KALUNDBORG, "/Task/task-1/$validate"), "Task/task-1");
    assertUnknownOrRefused(get(Party.KALUNDBORG, "/Patient/citizen-karen/$everything"), "Patient/citizen-karen");
    assertUnknownOrRefused(attempt(Party.KALUNDBORG, "POST", "/Patient/citizen-karen/$everything", null),
        "Patient/citizen-karen");
  }

  @ParameterizedTest(name = "{0} patching tasks conditionally")
  @EnumSource(value = Party.class, names = {"KALUNDBORG", "ROSKILDE", "CLINIC_MIDTJYLLAND"})
  void aConditionalPatchDoesNotSayHowManyResourcesItMatched(Party attacker) {
    Instant since = now();

    Attempt attempt = attempt(attacker, "PATCH", "/Task?status=requested",
        "[{\"op\":\"test\",\"path\":\"/status\",\"value\":\"requested\"}]",
        "Content-Type", "application/json-patch+json", "If-Match", "W/\"1\"");

    assertRefusedByAllowList(attempt);
    assertThat(attempt.text()).doesNotContain("matched", "Task/");
    assertAudited(attacker, since);
  }

  @Test
  void aConditionalPatchOfAHiddenTaskAnswersAsOneOfAnUnknownTask() {
    Attempt attempt = attempt(Party.KALUNDBORG, "PATCH", "/Task?_id=task-1",
        "[{\"op\":\"test\",\"path\":\"/status\",\"value\":\"requested\"}]",
        "Content-Type", "application/json-patch+json", "If-Match", "W/\"1\"");

    assertRefusedByAllowList(attempt);
    assertAnswersAsUnknown(attempt, "Task/task-1");
  }

  @Test
  void aConditionalPutDoesNotNameTheCitizenItMatchedNorDuplicateIt() {
    CaseFile kalundborgs = kalundborgsCase();
    Patient claimed = new Patient();
    claimed.addIdentifier().setSystem(CPR).setValue(kalundborgs.cpr());
    claimed.addName().setFamily("Fiktivsen").addGiven("Test");
    Instant since = now();

    Attempt attempt = attempt(Party.HOLBAEK, "PUT", "/Patient?identifier=" + CPR + "|" + kalundborgs.cpr(),
        json(claimed));

    assertRefusedByAllowList(attempt);
    assertRevealsNothingOf(attempt, kalundborgs.patient());
    assertThat(fhir.search().byUrl("Patient?identifier=" + CPR + "|" + kalundborgs.cpr())
        .returnBundle(Bundle.class).execute().getEntry()).as("citizens with the CPR").hasSize(1);
    assertAudited(Party.HOLBAEK, since);
  }

  @Test
  void hiddenAndUnknownTasksInsideABatchAreRefusedAlike() {
    Instant since = now();

    Attempt attempt = attempt(Party.KALUNDBORG, "POST", "",
        reading(Bundle.BundleType.BATCH, "Task/task-1", "Patient/citizen-karen", "DocumentReference/referral-1-doc-1"));

    assertRefusedByAllowList(attempt);
    assertAnswersAsUnknown(attempt, "Task/task-1");
    assertAudited(Party.KALUNDBORG, since);
  }

  private CaseFile victimOf(Party attacker) {
    return switch (attacker) {
      case CLINIC_SJAELLAND, SECRETARIAT, GP_NORDVEJ -> kalundborgsCase();
      default -> holbaeksCase();
    };
  }

  private Attempt reach(Party attacker, Path path, String target) {
    String type = target.substring(0, target.indexOf('/'));
    String id = CaseFile.idPart(target);
    return switch (path) {
      case READ -> get(attacker, "/" + target);
      case VREAD -> get(attacker, "/" + target + "/_history/1");
      case INSTANCE_HISTORY -> get(attacker, "/" + target + "/_history");
      case META -> get(attacker, "/" + target + "/$meta");
      case VALIDATE_BY_GET -> get(attacker, "/" + target + "/$validate");
      case VALIDATE_BY_POST -> attempt(attacker, "POST", "/" + target + "/$validate", body(target));
      case EVERYTHING -> get(attacker, "/" + target + "/$everything");
      case UPDATE -> attempt(attacker, "PUT", "/" + target, body(target), "If-Match", "W/\"1\"");
      case PATCH -> attempt(attacker, "PATCH", "/" + target, "[{\"op\":\"test\",\"path\":\"/id\",\"value\":\"" + id
          + "\"}]", "Content-Type", "application/json-patch+json", "If-Match", "W/\"1\"");
      case SEARCH_BY_ID -> get(attacker, "/" + type + "?_id=" + id);
      case READ_IN_A_TRANSACTION -> attempt(attacker, "POST", "", reading(Bundle.BundleType.TRANSACTION, target));
      case READ_IN_A_BATCH -> attempt(attacker, "POST", "", reading(Bundle.BundleType.BATCH, target));
    };
  }

  /** The resource as stored, without the gateway's labels: what an attacker who guessed it would send. */
  private String body(String target) {
    Resource stored = stored(resourceClass(target), target);
    stored.setMeta(null);
    return json(stored);
  }

  @SuppressWarnings("unchecked")
  private static Class<Resource> resourceClass(String target) {
    return (Class<Resource>) FHIR.getResourceDefinition(target.substring(0, target.indexOf('/'))).getImplementingClass();
  }
}
