package dk.kfgateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** The hospital EHR asks the gateway before it looks the citizen up in its own records. */
class EhrAuthorizingLookupTest extends ConsentHttpTest {

  @Test
  void the_lookup_is_permitted_on_the_consent_of_the_case_and_recorded() {
    Case referral = refer("le275-certificate");

    Parameters answer = lookup(CLINIC, "GET", referral.task());

    assertThat(answer.getParameter("decision").getValue().primitiveValue()).isEqualTo("permit");
    assertThat(answer.getParameter("rule").getValue().primitiveValue()).isEqualTo("CONS-003");
    assertThat(((Reference) answer.getParameter("consent").getValue()).getReference())
        .isEqualTo("Consent/" + referral.consent());
    AuditEvent permit = decisions(referral.patient()).get(0);
    assertThat(permit.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
    assertThat(permit.getEntity()).anyMatch(e -> e.getWhat().getReference().endsWith("Consent/" + referral.consent()));
  }

  @Test
  void the_lookup_is_denied_once_the_consent_is_withdrawn_and_the_denial_is_recorded() {
    Case referral = refer("le275-certificate");
    withdraw(referral.consent());

    Parameters answer = lookup(SECRETARIAT, "POST", referral.task());

    assertThat(answer.getParameter("decision").getValue().primitiveValue()).isEqualTo("deny");
    assertThat(answer.getParameter("rule").getValue().primitiveValue()).isEqualTo("CONS-001");
    assertThat(answer.getParameter("consent")).isNull();
    assertThat(answer.getParameter().stream().filter(p -> p.getName().equals("reason")))
        .anyMatch(p -> p.getValue().primitiveValue().contains("status is inactive"));
    assertThat(decisions(referral.patient()).get(0).getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
  }

  @Test
  void another_region_learns_nothing_of_a_case_it_does_not_own() {
    Case referral = refer("le275-certificate");

    HttpResponse<String> response = sendAs(OTHER_CLINIC, "GET", "/Task/" + referral.task() + "/$authorize-lookup", null);

    assertThat(response.statusCode()).as("tenant isolation answers as for an unknown task").isEqualTo(404);
    assertThat(response.body()).doesNotContain("permit", "Consent/");
  }

  @Test
  void a_municipality_does_not_ask_for_lookups() {
    Case referral = refer("le275-certificate");

    HttpResponse<String> response = sendAs(MUNICIPALITY, "GET", "/Task/" + referral.task() + "/$authorize-lookup", null);

    assertThat(response.statusCode()).isEqualTo(403);
    // a municipality's allow-list has no $authorize-lookup (SEC-008); CONS-006 is the clinic's own-case rule
    assertThat(ruleIds(response)).containsExactly("SEC-008");
  }

  /** GET or POST (with an empty Parameters), as the EHR prefers: the operation only reads. */
  Parameters lookup(String client, String method, String task) {
    String body = method.equals("POST") ? "{\"resourceType\":\"Parameters\"}" : null;
    HttpResponse<String> response = sendAs(client, method, "/Task/" + task + "/$authorize-lookup", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Parameters.class, response.body());
  }
}
