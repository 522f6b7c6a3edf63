package dk.kfgateway.workflow;

import static dk.kfgateway.workflow.ActorRole.CLINIC;
import static dk.kfgateway.workflow.ActorRole.MUNICIPALITY;
import static dk.kfgateway.workflow.ActorRole.SECRETARIAT;
import static dk.kfgateway.workflow.Referrals.POLICY;
import static dk.kfgateway.workflow.Referrals.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hl7.fhir.r4.model.Task.TaskStatus.ACCEPTED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.CANCELLED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.COMPLETED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.INPROGRESS;

import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation.Kind;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A caseworker withdraws a referral: alone before the visitation, through the secretariat afterwards (pkt. 8). */
class MunicipalityCancellingReferralTest {

  @ParameterizedTest
  @EnumSource(value = TaskStatus.class, names = {"REQUESTED", "RECEIVED"})
  void the_municipality_cancels_a_referral_not_yet_accepted(TaskStatus status) {
    Task cancelled = referral(status).setStatus(CANCELLED)
        .setStatusReason(new CodeableConcept().setText("Citizen started work."));

    assertThat(POLICY.evaluate(referral(status), cancelled, MUNICIPALITY).isAllowed()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = TaskStatus.class, names = {"ACCEPTED", "INPROGRESS", "ONHOLD"})
  void the_secretariat_cancels_an_accepted_referral_on_the_municipality_s_request(TaskStatus status) {
    assertThat(POLICY.evaluate(referral(status), referral(CANCELLED), SECRETARIAT).isAllowed()).isTrue();
    assertThat(POLICY.evaluate(referral(status), referral(CANCELLED), CLINIC).isAllowed()).isTrue();
  }

  @Test
  void the_request_to_cancel_is_an_abort_task_focused_on_the_referral() {
    Task abort = new Task().setCode(new CodeableConcept(new Coding(WorkflowCodes.TASK_CODE, "abort", null)))
        .setFocus(new Reference("http://gateway.example/fhir/Task/le275-1/_history/3"));

    assertThat(AbortRequests.isAbortRequest(abort)).isTrue();
    assertThat(AbortRequests.targetOf(abort)).contains("Task/le275-1");
    assertThat(AbortRequests.isAbortRequest(referral(ACCEPTED))).isFalse();
  }

  @Nested
  class Refused {

    @ParameterizedTest
    @EnumSource(value = TaskStatus.class, names = {"ACCEPTED", "INPROGRESS", "ONHOLD"})
    void when_the_municipality_cancels_after_acceptance_it_is_told_to_file_an_abort_task(TaskStatus status) {
      Verdict verdict = POLICY.evaluate(referral(status), referral(CANCELLED), MUNICIPALITY);

      assertThat(verdict.breaks("WF-002")).isTrue();
      assertThat(verdict.violations().get(0).kind()).isEqualTo(Kind.NOT_PERMITTED);
      assertThat(verdict.violations().get(0).rule().source()).contains("guide pkt. 8");
      assertThat(verdict.violations().get(0).message())
          .contains("Only CLINIC or SECRETARIAT", "code 'abort'", "focus is this Task");
    }

    @Test
    void when_anyone_cancels_a_completed_referral() {
      Verdict verdict = POLICY.evaluate(referral(COMPLETED), referral(CANCELLED), SECRETARIAT);

      assertThat(verdict.breaks("WF-001")).isTrue();
      assertThat(verdict.violations().get(0).kind()).isEqualTo(Kind.CONFLICT);
      assertThat(verdict.violations().get(0).message())
          .isEqualTo("A task cannot go from 'completed' to 'cancelled'. "
              + "Allowed moves from 'completed' for SECRETARIAT: none.");
    }

    @Test
    void when_the_municipality_reopens_a_cancelled_referral() {
      Verdict verdict = POLICY.evaluate(referral(CANCELLED), referral(INPROGRESS), MUNICIPALITY);

      assertThat(verdict.breaks("WF-001")).isTrue();
    }

    @Test
    void when_the_municipality_accepts_its_own_referral() {
      Verdict verdict = POLICY.evaluate(referral(TaskStatus.RECEIVED), referral(ACCEPTED), MUNICIPALITY);

      assertThat(verdict.breaks("WF-002")).isTrue();
      assertThat(verdict.violations().get(0).message())
          .contains("Allowed moves from 'received' for MUNICIPALITY: cancelled.");
    }
  }
}
