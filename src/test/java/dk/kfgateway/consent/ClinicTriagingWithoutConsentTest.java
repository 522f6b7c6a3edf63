package dk.kfgateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** Triage is a look-up in the hospital EHR: the clinic triages only while the citizen's consent holds (pkt. 8, 13). */
class ClinicTriagingWithoutConsentTest extends ConsentHttpTest {

  @Test
  void the_clinic_triages_while_the_consent_holds() {
    Case referral = refer("running-case-statement");
    receive(referral.task());

    assertThat(accept(referral.task()).statusCode()).isEqualTo(200);
  }

  @Test
  void the_clinic_cannot_triage_once_the_consent_is_withdrawn_and_the_denial_is_recorded() {
    Case referral = refer("running-case-statement");
    withdraw(referral.consent());
    receive(referral.task());

    HttpResponse<String> response = accept(referral.task());

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(ruleIds(response)).containsExactly("CONS-001");
    assertThat(response.body()).contains("status is inactive");
    assertThat(task(referral.task()).getStatus()).isEqualTo(Task.TaskStatus.RECEIVED);
    AuditEvent denial = decisions(referral.patient()).get(0);
    assertThat(denial.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
    assertThat(denial.getAgentFirstRep().getAltId()).isEqualTo(CLINIC);
  }

  @Test
  void the_clinic_can_still_return_the_case_without_consent() {
    Case referral = refer("running-case-statement");
    withdraw(referral.consent());
    receive(referral.task());

    HttpResponse<String> response = move(CLINIC, referral.task(), t -> t.setStatus(Task.TaskStatus.REJECTED)
        .setStatusReason(new CodeableConcept(new Coding(ConsentCodes.REJECTION_REASONS,
            ConsentCodes.MISSING_SPECIFIC_CONSENT, null)).setText("Samtykket er trukket tilbage.")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
