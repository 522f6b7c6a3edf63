package dk.kfgateway.workflow;

import static dk.kfgateway.workflow.ActorRole.GATEWAY;
import static dk.kfgateway.workflow.ActorRole.MUNICIPALITY;
import static dk.kfgateway.workflow.Referrals.POLICY;
import static dk.kfgateway.workflow.Referrals.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hl7.fhir.r4.model.Task.TaskStatus.ACCEPTED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.INPROGRESS;
import static org.hl7.fhir.r4.model.Task.TaskStatus.ONHOLD;
import static org.hl7.fhir.r4.model.Task.TaskStatus.RECEIVED;

import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation.Kind;
import java.util.List;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The citizen withdraws consent: the examination waits (i bero) until it is settled, then resumes (pkt. 13). */
class GatewayHoldingReferralOnConsentTest {

  @ParameterizedTest
  @EnumSource(value = TaskStatus.class, names = {"RECEIVED", "ACCEPTED", "INPROGRESS"})
  void the_gateway_puts_the_referral_on_hold(TaskStatus status) {
    assertThat(POLICY.evaluate(referral(status), referral(ONHOLD), GATEWAY).isAllowed()).isTrue();
  }

  @Test
  void the_gateway_resumes_to_the_state_before_the_hold() {
    TaskChange resume = TaskChange.of(referral(ONHOLD), referral(INPROGRESS), GATEWAY)
        .withStatusBeforeHold(INPROGRESS);

    assertThat(POLICY.evaluate(resume).isAllowed()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = TaskStatus.class, names = {"RECEIVED", "ACCEPTED", "INPROGRESS"})
  void without_history_the_task_may_resume_to_any_state_a_hold_comes_from(TaskStatus status) {
    assertThat(POLICY.evaluate(referral(ONHOLD), referral(status), GATEWAY).isAllowed()).isTrue();
  }

  @Test
  void the_state_before_the_hold_is_read_from_the_history_newest_first() {
    List<org.hl7.fhir.r4.model.Task> history =
        List.of(referral(ONHOLD), referral(ONHOLD), referral(ACCEPTED), referral(RECEIVED));

    assertThat(StatusBeforeHold.in(history)).contains(ACCEPTED);
    assertThat(StatusBeforeHold.in(List.of(referral(ACCEPTED), referral(ONHOLD)))).isEmpty();
    assertThat(StatusBeforeHold.in(List.of())).isEmpty();
  }

  @Nested
  class Refused {

    @Test
    void when_the_task_resumes_to_another_state_than_before_the_hold() {
      TaskChange resume = TaskChange.of(referral(ONHOLD), referral(INPROGRESS), GATEWAY)
          .withStatusBeforeHold(RECEIVED);

      Verdict verdict = POLICY.evaluate(resume);

      assertThat(verdict.violations()).singleElement().satisfies(v -> {
        assertThat(v.rule().id()).isEqualTo("WF-008");
        assertThat(v.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(v.message()).contains("resume it to 'received'");
      });
    }

    @Test
    void when_the_municipality_puts_the_referral_on_hold_itself() {
      Verdict verdict = POLICY.evaluate(referral(ACCEPTED), referral(ONHOLD), MUNICIPALITY);

      assertThat(verdict.breaks("WF-002")).isTrue();
      assertThat(verdict.violations().get(0).message()).contains("Only CLINIC or SECRETARIAT or GATEWAY");
    }

    @Test
    void when_the_gateway_cancels_an_on_hold_referral() {
      Verdict verdict = POLICY.evaluate(referral(ONHOLD), referral(TaskStatus.CANCELLED), GATEWAY);

      assertThat(verdict.breaks("WF-002")).isTrue();
      assertThat(verdict.violations().get(0).message())
          .contains("Allowed moves from 'on-hold' for GATEWAY: received, accepted, in-progress.");
    }
  }
}
