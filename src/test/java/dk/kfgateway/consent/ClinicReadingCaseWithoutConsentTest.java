package dk.kfgateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Once the citizen's consent no longer holds, the clinic sees nothing of the citizen's identity and health documents,
 * however it asks: read, search, _include, _revinclude, history, every page, and no count gives them away.
 */
class ClinicReadingCaseWithoutConsentTest extends ConsentHttpTest {

  Case referral;
  String document;

  @BeforeEach
  void referredAndWithdrawn() {
    referral = referStored("running-case-statement");
    document = referral.documents().get(0);
    HttpResponse<String> before = sendAs(CLINIC, "GET", "/" + referral.patient(), null);
    assertThat(before.statusCode()).as(() -> before.body() + decisions(referral.patient()).stream()
        .map(e -> e.getOutcomeDesc()).toList()).isEqualTo(200);
    assertThat(sendAs(CLINIC, "GET", "/" + document, null).statusCode()).isEqualTo(200);
    withdraw(referral.consent());
  }

  @Test
  void a_read_answers_not_found() {
    assertThat(sendAs(CLINIC, "GET", "/" + referral.patient(), null).statusCode()).isEqualTo(404);
    assertThat(sendAs(SECRETARIAT, "GET", "/" + document, null).statusCode()).isEqualTo(404);
  }

  @Test
  void a_search_finds_nothing_and_shows_no_total() {
    Bundle documents = search(CLINIC, "/DocumentReference?subject=" + referral.patient());
    Bundle patients = search(CLINIC, "/Patient?_id=" + referral.patient().split("/")[1]);

    assertThat(documents.getEntry()).isEmpty();
    assertThat(patients.getEntry()).isEmpty();
    assertThat(documents.hasTotal() && documents.getTotal() > 0).isFalse();
  }

  @Test
  void counting_is_refused_rather_than_answered() {
    HttpResponse<String> count = sendAs(CLINIC, "GET", "/DocumentReference?subject=" + referral.patient()
        + "&_summary=count", null);
    HttpResponse<String> total = sendAs(CLINIC, "GET", "/DocumentReference?subject=" + referral.patient()
        + "&_total=accurate", null);

    // counts are on no allow-list (SEC-008)
    assertThat(count.statusCode()).isEqualTo(403);
    assertThat(total.statusCode()).isEqualTo(403);
  }

  @Test
  void includes_and_revincludes_leave_them_out() {
    Bundle tasks = search(CLINIC, "/Task?_id=" + referral.task() + "&_include=Task:patient");
    Bundle referrals = search(CLINIC, "/ServiceRequest?_id=" + referral.referral().split("/")[1]
        + "&_revinclude=DocumentReference:related&_include=ServiceRequest:patient");

    assertThat(types(tasks)).containsExactly("Task");
    assertThat(types(referrals)).containsExactly("ServiceRequest");
  }

  @Test
  void history_shows_no_version() {
    HttpResponse<String> instance = sendAs(CLINIC, "GET", "/" + document + "/_history", null);
    HttpResponse<String> type = sendAs(CLINIC, "GET", "/DocumentReference/_history?_count=200", null);

    // history is on no allow-list (SEC-008): no version of anything, the clinic's own cases included
    assertThat(instance.statusCode()).as(instance.body()).isEqualTo(403);
    assertThat(type.statusCode()).as(type.body()).isEqualTo(403);
  }

  @Test
  void no_page_of_a_search_carries_them() {
    List<String> seen = new ArrayList<>();
    Bundle page = search(CLINIC, "/DocumentReference?related=" + referral.referral() + "&_count=1");
    for (int pages = 0; pages < 10; pages++) {
      seen.addAll(ids(page));
      if (page.getLink("next") == null) {
        break;
      }
      String next = page.getLink("next").getUrl().substring(baseUrl().length());
      page = search(CLINIC, next);
    }
    assertThat(seen).isEmpty();
  }

  @Test
  void the_municipality_still_sees_its_own_case() {
    assertThat(sendAs(MUNICIPALITY, "GET", "/" + document, null).statusCode()).isEqualTo(200);
  }

  @Test
  void every_search_is_audited_with_what_it_released_and_the_withdrawn_document_is_not_among_it() {
    search(CLINIC, "/DocumentReference?subject=" + referral.patient());
    search(MUNICIPALITY, "/DocumentReference?subject=" + referral.patient());

    List<AuditEvent> searches = fhir.search()
        .byUrl("AuditEvent?subtype=search-type&agent-name=kf-sjaelland-ehr,holbaek-jobcenter&_sort=-date&_count=2")
        .returnBundle(org.hl7.fhir.r4.model.Bundle.class).execute().getEntry().stream()
        .map(e -> (AuditEvent) e.getResource()).toList();
    assertThat(searches).hasSize(2);
    AuditEvent ofMunicipality = searches.get(0);
    AuditEvent ofClinic = searches.get(1);
    assertThat(ofClinic.getEntity()).noneMatch(e -> document.equals(e.getWhat().getReference()));
    assertThat(ofMunicipality.getEntity()).anyMatch(e -> document.equals(e.getWhat().getReference()));
  }

  Bundle search(String client, String path) {
    HttpResponse<String> response = sendAs(client, "GET", path, null);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return parse(response);
  }

  static Bundle parse(HttpResponse<String> response) {
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body());
  }

  static List<String> types(Bundle bundle) {
    return bundle.getEntry().stream().map(e -> e.getResource().fhirType()).toList();
  }

  static List<String> ids(Bundle bundle) {
    return bundle.getEntry().stream().filter(e -> e.getResource() != null)
        .map(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue()).toList();
  }
}
