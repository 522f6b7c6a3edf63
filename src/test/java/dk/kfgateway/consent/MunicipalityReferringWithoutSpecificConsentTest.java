package dk.kfgateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.ReferralFixture;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LÆ 275 and lægeskøn need the consent with the standard form's wording, or they are returned at once (pkt. 13). */
class MunicipalityReferringWithoutSpecificConsentTest extends ConsentHttpTest {

  @ParameterizedTest
  @ValueSource(strings = {"le275-certificate", "medical-estimate"})
  void with_the_specific_wording_the_task_waits_for_triage(String service) {
    Case referral = refer(service);

    assertThat(task(referral.task()).getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
    assertThat(FHIR.newJsonParser().encodeResourceToString(referral.response())).doesNotContain("CONS-");
  }

  @ParameterizedTest
  @ValueSource(strings = {"le275-certificate", "medical-estimate"})
  void with_a_general_wording_the_task_is_returned_at_once_and_the_response_says_why(String service) {
    ReferralFixture fixture = ReferralFixture.referral(service);
    fixture.consent().getPolicyFirstRep().setUri(GENERAL_WORDING);

    Case referral = refer(fixture);

    Task task = task(referral.task());
    assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REJECTED);
    assertThat(task.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("missing-specific-consent");
    assertThat(task.getStatusReason().getText()).contains("kan ikke visiteres", "CONS-003");
    OperationOutcome outcome = (OperationOutcome) taskEntry(referral.response()).getResponse().getOutcome();
    assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
    assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo("CONS-003");
    AuditEvent denial = decisions(referral.patient()).get(0);
    assertThat(denial.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
    assertThat(denial.getOutcomeDesc()).contains("CONS-003");
  }

  /** A coordinator's role at the clinic counts as the clinic the consent names: the referral waits for triage. */
  @ParameterizedTest
  @ValueSource(strings = {"le275-certificate", "medical-estimate"})
  void a_referral_to_a_named_coordinator_of_the_clinic_the_consent_names_waits_for_triage(String service) {
    ReferralFixture fixture = ReferralFixture.referral(service);
    fixture.task().setOwner(new org.hl7.fhir.r4.model.Reference("PractitionerRole/coordinator-holm"));

    Case referral = refer(fixture);

    assertThat(task(referral.task()).getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
    assertThat(FHIR.newJsonParser().encodeResourceToString(referral.response())).doesNotContain("CONS-");
  }

  @ParameterizedTest
  @ValueSource(strings = {"running-case-statement", "rehab-team-advice"})
  void other_services_do_not_need_the_specific_wording(String service) {
    ReferralFixture fixture = ReferralFixture.referral(service);
    fixture.consent().getPolicyFirstRep().setUri(GENERAL_WORDING);

    assertThat(task(refer(fixture).task()).getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
  }

  private static Bundle.BundleEntryComponent taskEntry(Bundle response) {
    return response.getEntry().stream().filter(e -> e.getResponse().getLocation().startsWith("Task/")).findFirst()
        .orElseThrow();
  }
}
