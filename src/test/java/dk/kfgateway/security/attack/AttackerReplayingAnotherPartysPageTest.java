package dk.kfgateway.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue item 2: paging links ({@code /fhir?_getpages=...}) worked for anyone, and the clinic's earlier link still
 * returned a citizen's documents after the consent was withdrawn. A link belongs to the client that searched: any
 * other client, of another party or of the same organisation, gets exactly HAPI's answer for an unknown search id
 * (410), on every page and offset, and the attempt is audited as denied; a later page shows only what the searching
 * client may see at the moment it is fetched.
 */
class AttackerReplayingAnotherPartysPageTest extends AttackScenario {

  private static final Pattern SEARCH_ID = Pattern.compile("_getpages=([0-9a-fA-F-]+)");

  @Test
  void gpStrandvejReplayingHolbaeksNextLinkOfDocumentsGetsWhatAnUnknownSearchIdGets() {
    String next = nextLink(Party.HOLBAEK, "/DocumentReference?_count=1");
    Instant since = now();

    Attempt replay = get(Party.GP_STRANDVEJ, next);

    assertThat(replay.status()).as(replay.toString()).isEqualTo(410);
    assertAnswersAsUnknown(replay, searchId(next), UUID.randomUUID().toString());
    assertThat(replay.text()).doesNotContain("DocumentReference/", "\"data\"");
    assertAudited(Party.GP_STRANDVEJ, since);
  }

  @ParameterizedTest(name = "{0} replaying Holbæk''s next link")
  @EnumSource(value = Party.class, names = {"ROSKILDE", "KALUNDBORG", "CLINIC_SJAELLAND", "CLINIC_MIDTJYLLAND",
      "SECRETARIAT", "GP_NORDVEJ", "GP_STRANDVEJ", "ADMINISTRATOR"})
  void everyOtherPartyReplayingTheLinkGetsWhatAnUnknownSearchIdGets(Party attacker) {
    String next = nextLink(Party.HOLBAEK, "/DocumentReference?_count=1");
    Instant since = now();

    Attempt replay = get(attacker, next);

    assertThat(replay.status()).as(replay.toString()).isEqualTo(410);
    assertAnswersAsUnknown(replay, searchId(next), UUID.randomUUID().toString());
    assertAudited(attacker, since);
  }

  @ParameterizedTest(name = "gp-strandvej replaying Holbæk''s next link of {0}")
  @ValueSource(strings = {"Patient", "ServiceRequest", "Task", "Consent", "DocumentReference"})
  void theReplayOfAPageOfEachCaseTypeGetsWhatAnUnknownSearchIdGets(String type) {
    holbaeksCase();
    String next = nextLink(Party.HOLBAEK, "/" + type + "?_count=1");

    Attempt replay = get(Party.GP_STRANDVEJ, next);

    assertThat(replay.status()).as(replay.toString()).isEqualTo(410);
    assertAnswersAsUnknown(replay, searchId(next), UUID.randomUUID().toString());
  }

  @Test
  void holbaekReplayingTheGpsNextLinkOfCopiesGetsWhatAnUnknownSearchIdGets() {
    holbaeksCase();
    referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    String next = nextLink(Party.GP_NORDVEJ, "/Communication?recipient=Organization/gp-clinic-nordvej&_count=1");
    Instant since = now();

    Attempt replay = get(Party.HOLBAEK, next);

    assertThat(replay.status()).as(replay.toString()).isEqualTo(410);
    assertAnswersAsUnknown(replay, searchId(next), UUID.randomUUID().toString());
    assertAudited(Party.HOLBAEK, since);
  }

  @Test
  void theSecretariatReplayingTheEhrsLinkOfTheSameClinicGetsWhatAnUnknownSearchIdGets() {
    String next = nextLink(Party.CLINIC_SJAELLAND, "/Task?owner=Organization/kf-region-sjaelland&_count=1");

    Attempt replay = get(Party.SECRETARIAT, next);

    assertThat(replay.status()).as("a link belongs to the client, not to its organisation: " + replay).isEqualTo(410);
    assertAnswersAsUnknown(replay, searchId(next), UUID.randomUUID().toString());
  }

  @ParameterizedTest(name = "replayed with {0}")
  @ValueSource(strings = {"_getpagesoffset=0&_count=1", "_getpagesoffset=2&_count=1", "_getpagesoffset=0&_count=50",
      "_getpagesoffset=1&_count=1&_bundletype=searchset", "_getpagesoffset=1&_count=1&_format=json"})
  void theReplayIsRefusedOnEveryPageOffsetAndSize(String paging) {
    String searchId = searchId(nextLink(Party.HOLBAEK, "/DocumentReference?_count=1"));

    Attempt replay = get(Party.ROSKILDE, "?_getpages=" + searchId + "&" + paging);

    assertThat(replay.status()).as(replay.toString()).isEqualTo(410);
    assertAnswersAsUnknown(replay, searchId, UUID.randomUUID().toString());
  }

  @ParameterizedTest(name = "its own link with {0} added")
  @ValueSource(strings = {"_elements=subject", "_summary=true", "_include=*", "_revinclude=*", "_summary=count",
      "_security=x", "_sort=-date"})
  void theSearchingClientCannotReshapeItsOwnLink(String added) {
    String next = nextLink(Party.HOLBAEK, "/DocumentReference?_count=1");

    Attempt page = get(Party.HOLBAEK, next + "&" + added);

    assertRefusedByAllowList(page);
  }

  @Test
  void theSearchingClientFollowsItsOwnLink() {
    String next = nextLink(Party.HOLBAEK, "/DocumentReference?_count=1");

    Attempt page = get(Party.HOLBAEK, next);

    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(FHIR.newJsonParser().parseResource(Bundle.class, page.text()).getEntry()).hasSize(1);
  }

  @Test
  void theClinicsEarlierLinkShowsNoDocumentOfTheCitizenAfterTheConsentIsWithdrawn() {
    CaseFile holbaeks = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    String next = nextLink(Party.CLINIC_SJAELLAND, "/DocumentReference?related=" + holbaeks.serviceRequest()
        + "&_count=1");
    withdrawConsent(Party.HOLBAEK, holbaeks.consent());
    Instant since = now();

    Attempt page = get(Party.CLINIC_SJAELLAND, next);

    assertThat(page.status()).as(page.toString()).isIn(200, 410);
    assertThat(shownIn(page)).as("documents on the clinic's page after the withdrawal")
        .doesNotContain(holbaeks.document(), holbaeks.binaryDocument(), holbaeks.binary(), holbaeks.patient());
    assertThat(page.text()).doesNotContain("\"data\"");
    if (page.status() == 410) {
      assertAnswersAsUnknown(page, searchId(next), UUID.randomUUID().toString());
    }
    assertThat(auditOf(Party.CLINIC_SJAELLAND, since)).as("audited").isNotEmpty();
  }

  @ParameterizedTest(name = "{0} asking for Holbæk''s page inside a batch")
  @EnumSource(value = Party.class, names = {"GP_STRANDVEJ", "ROSKILDE", "CLINIC_MIDTJYLLAND"})
  void aPageAskedForInsideABatchIsRefused(Party attacker) {
    String next = nextLink(Party.HOLBAEK, "/DocumentReference?_count=1");
    Instant since = now();

    Attempt attempt = attempt(attacker, "POST", "", reading(Bundle.BundleType.BATCH, next.substring(1)));

    assertRefusedByAllowList(attempt);
    assertThat(attempt.text()).doesNotContain("DocumentReference/", "\"data\"");
    assertAudited(attacker, since);
  }

  @Test
  void aPageAskedForInsideATransactionShowsNothingOfHolbaek() {
    String next = nextLink(Party.HOLBAEK, "/DocumentReference?_count=1");

    Attempt attempt = attempt(Party.ROSKILDE, "POST", "", reading(Bundle.BundleType.TRANSACTION, next.substring(1)));

    if (attempt.status() == 403) {
      // a page fetched inside a Bundle is a system-level interaction: the scopes (SEC-002) may refuse it first
      assertRefusedWith(attempt, ALLOW_LIST, "SEC-002");
    } else {
      assertAnswersAsUnknown(attempt, searchId(next), UUID.randomUUID().toString());
    }
    assertThat(attempt.text()).doesNotContain("DocumentReference/", "\"data\"");
  }

  /** The path (from "?") of the next link of this party's search. */
  private String nextLink(Party party, String search) {
    Attempt first = get(party, search);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    Bundle page = FHIR.newJsonParser().parseResource(Bundle.class, first.text());
    assertThat(page.getLink("next")).as("a next link for " + search).isNotNull();
    String url = page.getLink("next").getUrl();
    return url.substring(url.indexOf("/fhir") + "/fhir".length());
  }

  private static String searchId(String link) {
    Matcher matcher = SEARCH_ID.matcher(link);
    assertThat(matcher.find()).as(link).isTrue();
    return matcher.group(1);
  }

  private static List<String> shownIn(Attempt page) {
    if (page.status() != 200) {
      return List.of();
    }
    return FHIR.newJsonParser().parseResource(Bundle.class, page.text()).getEntry().stream()
        .filter(Bundle.BundleEntryComponent::hasResource)
        .map(e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart()).toList();
  }
}
