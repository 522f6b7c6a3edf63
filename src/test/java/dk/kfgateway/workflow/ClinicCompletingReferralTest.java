package dk.kfgateway.workflow;

import static dk.kfgateway.workflow.ActorRole.CLINIC;
import static dk.kfgateway.workflow.Referrals.POLICY;
import static dk.kfgateway.workflow.Referrals.movedTo;
import static dk.kfgateway.workflow.Referrals.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hl7.fhir.r4.model.Task.TaskStatus.COMPLETED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.INPROGRESS;

import dk.kfgateway.rules.Verdict;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Klinisk Funktion delivers the certificate or statement and completes the referral (bkg 2019 §22-§23). */
class ClinicCompletingReferralTest {

  @Test
  void the_clinic_completes_a_referral_with_its_certificate_as_output() {
    assertThat(POLICY.evaluate(referral(INPROGRESS), movedTo(referral(INPROGRESS), COMPLETED), CLINIC).isAllowed())
        .isTrue();
  }

  @Test
  void the_clinic_completes_an_abort_request_without_output() {
    Task abort = referral(INPROGRESS)
        .setCode(new CodeableConcept(new Coding(WorkflowCodes.TASK_CODE, WorkflowCodes.ABORT, null)));

    assertThat(POLICY.evaluate(abort, abort.copy().setStatus(COMPLETED), CLINIC).isAllowed()).isTrue();
  }

  @Nested
  class Refused {

    @Test
    void when_the_clinic_completes_a_referral_without_a_result() {
      Verdict verdict = POLICY.evaluate(referral(INPROGRESS), referral(COMPLETED), CLINIC);

      assertThat(verdict.violations()).singleElement().satisfies(v -> {
        assertThat(v.rule().id()).isEqualTo("WF-006");
        assertThat(v.location()).isEqualTo("Task.output");
      });
    }

    @Test
    void when_the_municipality_completes_it() {
      Verdict verdict = POLICY.evaluate(referral(INPROGRESS), movedTo(referral(INPROGRESS), COMPLETED),
          ActorRole.MUNICIPALITY);

      assertThat(verdict.breaks("WF-002")).isTrue();
    }
  }
}
