package dk.kfgateway.workflow;

import static dk.kfgateway.workflow.Referrals.AARHUS_COORDINATOR;
import static dk.kfgateway.workflow.Referrals.CLINIC;
import static dk.kfgateway.workflow.Referrals.COORDINATOR;
import static dk.kfgateway.workflow.Referrals.DIRECTORY;
import static dk.kfgateway.workflow.Referrals.OTHER_CLINIC;
import static dk.kfgateway.workflow.Referrals.SECRETARY;
import static dk.kfgateway.workflow.Referrals.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Klinisk Funktion names a sundhedskoordinator as the owner of a referral, or takes it back (WF-007). */
class ClinicAssigningCoordinatorTest {

  private final CoordinatorAssignment assignment = new CoordinatorAssignment(DIRECTORY);

  @Test
  void the_clinic_names_one_of_its_health_coordinators() {
    assertThat(assignment.check(ref(CLINIC), ref(COORDINATOR)).isAllowed()).isTrue();
  }

  @Test
  void the_clinic_takes_the_task_back_from_the_coordinator() {
    assertThat(assignment.check(ref(COORDINATOR), ref(CLINIC)).isAllowed()).isTrue();
  }

  @Test
  void the_first_owner_may_be_a_coordinator() {
    assertThat(assignment.check(null, ref(COORDINATOR)).isAllowed()).isTrue();
  }

  @Test
  void the_policy_lets_the_secretariat_assign_a_coordinator_in_a_task_update() {
    Task assigned = Referrals.referral(TaskStatus.ACCEPTED).setOwner(ref(COORDINATOR));

    assertThat(Referrals.POLICY.evaluate(Referrals.referral(TaskStatus.ACCEPTED), assigned, ActorRole.SECRETARIAT)
        .isAllowed()).isTrue();
  }

  @Nested
  class Refused {

    @Test
    void when_the_new_owner_is_the_secretary_not_a_coordinator() {
      assertThat(only(assignment.check(ref(CLINIC), ref(SECRETARY))).message()).contains("not a health coordinator");
    }

    @Test
    void when_the_coordinator_works_for_another_clinic() {
      assertThat(only(assignment.check(ref(CLINIC), ref(AARHUS_COORDINATOR))).message())
          .contains("works for " + OTHER_CLINIC);
    }

    @Test
    void when_the_new_owner_is_unknown() {
      assertThat(only(assignment.check(ref(CLINIC), ref(UNKNOWN))).message()).contains("not known");
    }

    @Test
    void when_the_owner_is_removed_it_is_an_identity_change() {
      Verdict verdict = assignment.check(ref(CLINIC), null);

      assertThat(verdict.breaks("WF-003")).isTrue();
    }

    @Test
    void when_the_municipality_assigns_the_coordinator_itself() {
      Task assigned = Referrals.referral(TaskStatus.ACCEPTED).setOwner(ref(COORDINATOR));

      Verdict verdict = Referrals.POLICY.evaluate(Referrals.referral(TaskStatus.ACCEPTED), assigned,
          ActorRole.MUNICIPALITY);

      assertThat(verdict.violations()).singleElement()
          .returns("WF-009", v -> v.rule().id()).returns("Task.owner", Violation::location);
    }

    private Violation only(Verdict verdict) {
      assertThat(verdict.violations()).singleElement()
          .returns("WF-007", v -> v.rule().id()).returns("Task.owner", Violation::location);
      return verdict.violations().get(0);
    }
  }

  private static Reference ref(String reference) {
    return new Reference(reference);
  }
}
