package dk.kfgateway.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generic search surface the issue names beside its examples: chained parameters ({@code patient.identifier}),
 * {@code _include:iterate}, {@code _revinclude}, includes no party's work uses, the special parameters ({@code
 * _security}, {@code _tag}, {@code _list}, {@code _filter}, {@code _content}, {@code _text}, {@code _query}), counts
 * ({@code _summary=count}, {@code _total}), modifiers, unknown parameters, type history and GraphQL. None is on any
 * party's allow-list: each is refused (SEC-008) for whoever asks, on another party's case or on its own, alone and
 * inside a batch or a transaction, and audited; the answer names nothing of the case reached for.
 */
class AttackerChainingAndIncludingIntoCasesTest extends AttackScenario {

  private static final String KAREN = CPR + "|" + KAREN_CPR;

  /** A search and what it must not show. */
  record Search(Party attacker, String path, String revealed) {
    @Override
    public String toString() {
      return attacker + " GET " + path;
    }
  }

  static Stream<Search> searches() {
    String ownTasks = "/Task?requester=PractitionerRole/caseworker-holbaek";
    String workList = "/Task?owner=Organization/kf-region-sjaelland&status=requested";
    String copies = "/Communication?recipient=Organization/gp-clinic-nordvej";
    return Stream.of(
        // chaining
        new Search(Party.KALUNDBORG, "/Task?patient.identifier=" + KAREN, "task-1"),
        new Search(Party.ROSKILDE, "/DocumentReference?subject:Patient.identifier=" + KAREN, "referral-1-doc"),
        new Search(Party.CLINIC_MIDTJYLLAND, "/Task?focus:ServiceRequest.code=le275-certificate", "task-1"),
        new Search(Party.KALUNDBORG, "/ServiceRequest?requester:PractitionerRole.organization="
            + "Organization/municipality-holbaek", "referral-1"),
        new Search(Party.GP_STRANDVEJ, "/Patient?general-practitioner.name=Nordvej", "citizen-karen"),
        new Search(Party.GP_NORDVEJ, "/DocumentReference?subject.general-practitioner=Organization/gp-clinic-strandvej",
            "referral-2-doc"),
        new Search(Party.HOLBAEK, ownTasks + "&patient.identifier=" + KAREN, "~"),
        // includes and iterations
        new Search(Party.HOLBAEK, ownTasks + "&_include=Task:patient&_include:iterate=Patient:general-practitioner",
            "~"),
        new Search(Party.CLINIC_SJAELLAND, workList + "&_include=Task:focus&_include:iterate=ServiceRequest:supporting-info",
            "~"),
        new Search(Party.CLINIC_SJAELLAND, workList + "&_include=*", "~"),
        new Search(Party.CLINIC_SJAELLAND, workList + "&_include:iterate=*", "~"),
        new Search(Party.GP_NORDVEJ, copies + "&_include=Communication:about", "referral-"),
        new Search(Party.GP_NORDVEJ, copies + "&_include=Communication:part-of&_include:iterate=*", "~"),
        // reverse includes
        new Search(Party.GP_NORDVEJ, "/Patient?_id=citizen-karen&_revinclude=DocumentReference:subject", "referral-1-doc"),
        new Search(Party.GP_NORDVEJ, "/Organization?_id=gp-clinic-nordvej&_revinclude=Patient:general-practitioner",
            "citizen-karen"),
        new Search(Party.ROSKILDE, "/Organization?_id=kf-region-sjaelland&_revinclude=Task:owner", "task-1"),
        new Search(Party.HOLBAEK, ownTasks + "&_revinclude=Provenance:target", "~"),
        new Search(Party.HOLBAEK, "/ServiceRequest?requester=PractitionerRole/caseworker-holbaek"
            + "&_revinclude:iterate=Task:focus", "~"),
        new Search(Party.ADMINISTRATOR, "/PractitionerRole?_id=caseworker-holbaek&_revinclude=Task:requester", "task-1"),
        // special parameters and counts
        new Search(Party.SECRETARIAT, "/Task?_security=http://kf-gateway.dk/fhir/CodeSystem/kf-access|municipality-holbaek",
            "task-"),
        new Search(Party.KALUNDBORG, "/Patient?_tag=http://kf-gateway.dk/fhir/CodeSystem/kf-access|municipality-holbaek",
            "citizen-"),
        new Search(Party.KALUNDBORG, "/Task?_list=some-list", "task-"),
        new Search(Party.KALUNDBORG, "/Task?_filter=status eq requested", "task-"),
        new Search(Party.ROSKILDE, "/DocumentReference?_content=Epikrise", "referral-"),
        new Search(Party.ROSKILDE, "/DocumentReference?_text=Epikrise", "referral-"),
        new Search(Party.ROSKILDE, "/Task?_query=all", "task-"),
        new Search(Party.KALUNDBORG, "/Task?patient=Patient/citizen-karen&_summary=count", "\"total\""),
        new Search(Party.KALUNDBORG, "/Task?_total=accurate&_count=1", "\"total\""),
        new Search(Party.GP_STRANDVEJ, "/Communication?_total=estimated", "\"total\""),
        // modifiers and unknown parameters
        new Search(Party.KALUNDBORG, "/Patient?identifier:not=" + KAREN, "citizen-karen"),
        new Search(Party.KALUNDBORG, "/Patient?name:contains=este", "citizen-karen"),
        new Search(Party.KALUNDBORG, "/Task?subject:missing=false", "task-"),
        new Search(Party.KALUNDBORG, "/ServiceRequest?code:below=le275", "referral-"),
        new Search(Party.KALUNDBORG, "/Patient?identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203|NI|x",
            "citizen-"),
        new Search(Party.KALUNDBORG, "/Task?no-such-parameter=1", "task-"),
        // history and GraphQL
        new Search(Party.KALUNDBORG, "/Task/_history", "task-"),
        new Search(Party.GP_STRANDVEJ, "/Communication/_history", "Communication/"),
        new Search(Party.CLINIC_MIDTJYLLAND, "/Patient/citizen-karen/$graphql?query={name{family}}", "Testesen"),
        new Search(Party.HOLBAEK, "/Patient/citizen-karen/$graphql?query={id}", "~"));
  }

  static Stream<Arguments> searchArguments() {
    return searches().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("searchArguments")
  void aSearchOffTheAllowListIsRefusedAndAudited(Search search) {
    Instant since = now();

    Attempt attempt = get(search.attacker(), search.path());

    assertRefusedByAllowList(attempt);
    assertThat(attempt.text()).doesNotContain(search.revealed());
    assertAudited(search.attacker(), since);
  }

  @ParameterizedTest(name = "{0}, inside a batch")
  @MethodSource("searchArguments")
  void aSearchOffTheAllowListInsideABatchIsRefused(Search search) {
    Attempt attempt = attempt(search.attacker(), "POST", "",
        reading(Bundle.BundleType.BATCH, search.path().substring(1)));

    assertRefusedByAllowList(attempt);
    assertThat(attempt.text()).doesNotContain(search.revealed());
  }

  @ParameterizedTest(name = "{0}, inside a transaction")
  @MethodSource("searchArguments")
  void aSearchOffTheAllowListInsideATransactionIsRefused(Search search) {
    Attempt attempt = attempt(search.attacker(), "POST", "",
        reading(Bundle.BundleType.TRANSACTION, search.path().substring(1)));

    assertRefusedByAllowList(attempt);
    assertThat(attempt.text()).doesNotContain(search.revealed());
  }

  @Test
  void theSystemHistoryIsRefusedToEveryParty() {
    for (Party party : List.of(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ, Party.ADMINISTRATOR)) {
      Attempt attempt = get(party, "/_history");
      // a system-level interaction needs a wildcard scope (SEC-002) before the allow-list is asked
      assertRefusedWith(attempt, ALLOW_LIST, "SEC-002");
    }
  }

  @Test
  void theClinicsDocumentedWorkListStillWorks() {
    Attempt workList = get(Party.CLINIC_SJAELLAND,
        "/Task?owner=Organization/kf-region-sjaelland&status=requested&_include=Task:focus&_include=Task:patient"
            + "&_count=20");

    assertThat(workList.status()).as(workList.toString()).isEqualTo(200);
  }
}
