package dk.kfgateway.workflow;

import static dk.kfgateway.workflow.ActorRole.CLINIC;
import static dk.kfgateway.workflow.ActorRole.GATEWAY;
import static dk.kfgateway.workflow.ActorRole.MUNICIPALITY;
import static dk.kfgateway.workflow.ActorRole.SECRETARIAT;
import static dk.kfgateway.workflow.Referrals.POLICY;
import static dk.kfgateway.workflow.Referrals.referral;
import static dk.kfgateway.workflow.Referrals.rejectionReason;
import static dk.kfgateway.workflow.Referrals.triageOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hl7.fhir.r4.model.Task.TaskStatus.ACCEPTED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.RECEIVED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.REJECTED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.REQUESTED;

import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import dk.kfgateway.rules.Violation.Kind;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Klinisk Funktion receives a referral, triages it (visitation) and accepts or returns it (tilbagevist). */
class ClinicTriagingReferralTest {

  @Test
  void the_clinic_marks_the_referral_received() {
    assertThat(POLICY.evaluate(referral(REQUESTED), referral(RECEIVED), CLINIC).isAllowed()).isTrue();
  }

  @Test
  void the_clinic_accepts_it_for_an_examination() {
    Task accepted = referral(ACCEPTED).setBusinessStatus(triageOutcome("examination"));

    assertThat(POLICY.evaluate(referral(RECEIVED), accepted, CLINIC).isAllowed()).isTrue();
  }

  @Test
  void the_secretariat_returns_it_for_missing_consent_with_a_reasoned_note() {
    Task returned = referral(REJECTED)
        .setStatusReason(rejectionReason("missing-specific-consent", "The LÆ 275 consent form is missing."))
        .setBusinessStatus(triageOutcome("returned-with-note"));

    assertThat(POLICY.evaluate(referral(RECEIVED), returned, SECRETARIAT).isAllowed()).isTrue();
  }

  @Test
  void the_clinic_records_the_outcome_while_the_task_stays_received() {
    Task triaged = referral(RECEIVED).setBusinessStatus(triageOutcome("assessment-existing-information"));

    assertThat(POLICY.evaluate(referral(RECEIVED), triaged, CLINIC).isAllowed()).isTrue();
  }

  @Nested
  class Refused {

    @Test
    void when_the_clinic_returns_a_referral_without_any_reason() {
      Violation violation = only(POLICY.evaluate(referral(RECEIVED), referral(REJECTED), CLINIC));

      assertThat(violation.rule().id()).isEqualTo("WF-004");
      assertThat(violation.location()).isEqualTo("Task.statusReason");
      assertThat(violation.message()).contains("a code from " + WorkflowCodes.REJECTION_REASONS, "a text");
    }

    @Test
    void when_the_reason_is_only_text() {
      Task returned = referral(REJECTED).setStatusReason(new CodeableConcept().setText("No consent."));

      Violation violation = only(POLICY.evaluate(referral(RECEIVED), returned, CLINIC));

      assertThat(violation.rule().id()).isEqualTo("WF-004");
      assertThat(violation.message()).contains("a code from").doesNotContain("a text");
    }

    @Test
    void when_the_reason_is_only_a_code() {
      Task returned = referral(REJECTED).setStatusReason(rejectionReason("missing-specific-consent", null));

      assertThat(only(POLICY.evaluate(referral(RECEIVED), returned, CLINIC)).message())
          .contains("a text").doesNotContain("a code from");
    }

    @Test
    void when_the_clinic_triages_before_marking_the_referral_received() {
      Task triaged = referral(REQUESTED).setBusinessStatus(triageOutcome("examination"));

      Violation violation = only(POLICY.evaluate(referral(REQUESTED), triaged, CLINIC));

      assertThat(violation.rule().id()).isEqualTo("WF-005");
      assertThat(violation.kind()).isEqualTo(Kind.CONFLICT);
    }

    @Test
    void when_the_municipality_or_the_gateway_sets_the_triage_outcome() {
      Task triaged = referral(RECEIVED).setBusinessStatus(triageOutcome("examination"));

      assertThat(only(POLICY.evaluate(referral(RECEIVED), triaged, MUNICIPALITY)))
          .returns("WF-005", v -> v.rule().id()).returns(Kind.NOT_PERMITTED, Violation::kind);
      assertThat(only(POLICY.evaluate(referral(RECEIVED), triaged, GATEWAY)))
          .returns("WF-005", v -> v.rule().id()).returns(Kind.NOT_PERMITTED, Violation::kind);
    }

    @Test
    void when_the_outcome_is_not_a_triage_code() {
      Task triaged = referral(RECEIVED)
          .setBusinessStatus(new CodeableConcept(new Coding("http://example.org/local", "x", null)));

      assertThat(only(POLICY.evaluate(referral(RECEIVED), triaged, CLINIC)))
          .returns("WF-005", v -> v.rule().id()).returns(Kind.BUSINESS_RULE, Violation::kind);
    }

    @Test
    void when_the_clinic_accepts_without_marking_it_received() {
      Violation violation = only(POLICY.evaluate(referral(REQUESTED), referral(ACCEPTED), CLINIC));

      assertThat(violation.rule().id()).isEqualTo("WF-001");
      assertThat(violation.message()).contains("Allowed moves from 'requested' for CLINIC: received, cancelled.");
    }

    private Violation only(Verdict verdict) {
      assertThat(verdict.violations()).hasSize(1);
      return verdict.violations().get(0);
    }
  }
}
