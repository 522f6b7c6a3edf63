package dk.kfgateway.workflow;

import static dk.kfgateway.workflow.ActorRole.CLINIC;
import static dk.kfgateway.workflow.ActorRole.MUNICIPALITY;
import static dk.kfgateway.workflow.Referrals.POLICY;
import static dk.kfgateway.workflow.Referrals.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hl7.fhir.r4.model.Task.TaskStatus.ACCEPTED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.COMPLETED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.RECEIVED;

import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import dk.kfgateway.rules.Violation.Kind;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskPriority;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The caseworker updates a referral without changing its state: notes and documents only (WF-009). */
class MunicipalityEditingReferralTest {

  @Test
  void the_caseworker_adds_a_note_even_after_completion() {
    Task after = referral(COMPLETED);
    after.addNote().setText("Clarifying question about the conclusion, see guide pkt. 8.");

    assertThat(POLICY.evaluate(referral(COMPLETED), after, MUNICIPALITY).isAllowed()).isTrue();
  }

  @Test
  void the_caseworker_adds_a_document_while_the_referral_is_being_handled() {
    Task after = withExtraDocument(referral(ACCEPTED));
    after.getMeta().setVersionId("4").setLastUpdated(new Date());

    assertThat(POLICY.evaluate(referral(ACCEPTED), after, MUNICIPALITY).isAllowed()).isTrue();
  }

  @Test
  void the_clinic_may_change_priority_and_due_date() {
    Task after = referral(RECEIVED).setPriority(TaskPriority.URGENT);
    after.getRestriction().setPeriod(new Period().setEnd(new Date()));

    assertThat(POLICY.evaluate(referral(RECEIVED), after, CLINIC).isAllowed()).isTrue();
  }

  @Nested
  class Refused {

    @Test
    void when_the_caseworker_changes_the_priority_and_the_due_date() {
      Task after = referral(RECEIVED).setPriority(TaskPriority.URGENT);
      after.getRestriction().setPeriod(new Period().setEnd(new Date()));

      Verdict verdict = POLICY.evaluate(referral(RECEIVED), after, MUNICIPALITY);

      assertThat(verdict.violations()).extracting(Violation::location)
          .containsExactly("Task.priority", "Task.restriction");
      assertThat(verdict.violations()).allSatisfy(v -> {
        assertThat(v.rule().id()).isEqualTo("WF-009");
        assertThat(v.kind()).isEqualTo(Kind.NOT_PERMITTED);
        assertThat(v.message()).contains("secretariat of Klinisk Funktion");
      });
    }

    @Test
    void when_the_caseworker_adds_a_document_to_a_completed_referral() {
      Verdict verdict = POLICY.evaluate(referral(COMPLETED), withExtraDocument(referral(COMPLETED)), MUNICIPALITY);

      assertThat(verdict.violations()).singleElement()
          .returns("WF-009", v -> v.rule().id()).returns("Task.input", Violation::location);
    }

    @Test
    void when_the_caseworker_writes_the_result_itself() {
      Task after = referral(ACCEPTED);
      after.addOutput().setType(new CodeableConcept().setText("certificate"))
          .setValue(new Reference("DocumentReference/home-made"));

      assertThat(POLICY.evaluate(referral(ACCEPTED), after, MUNICIPALITY).violations()).singleElement()
          .returns("WF-009", v -> v.rule().id()).returns("Task.output", Violation::location);
    }
  }

  private static Task withExtraDocument(Task task) {
    task.addInput().setType(new CodeableConcept().setText("le265"))
        .setValue(new Reference("DocumentReference/le265-2"));
    return task;
  }
}
