package dk.kfgateway.workflow;

import static dk.kfgateway.workflow.ActorRole.CLINIC;
import static dk.kfgateway.workflow.Referrals.POLICY;
import static dk.kfgateway.workflow.Referrals.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hl7.fhir.r4.model.Task.TaskStatus.ACCEPTED;

import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who asked, for whom and about which referral never changes once set (WF-003). */
class ImmutableFieldsTest {

  static Stream<Arguments> identityElements() {
    return Stream.of(
        Arguments.of("Task.requester", (BiConsumer<Task, Reference>) Task::setRequester),
        Arguments.of("Task.for", (BiConsumer<Task, Reference>) Task::setFor),
        Arguments.of("Task.focus", (BiConsumer<Task, Reference>) Task::setFocus),
        Arguments.of("Task.basedOn", (BiConsumer<Task, Reference>) (t, r) -> t.getBasedOn().set(0, r)));
  }

  @Test
  void the_same_references_written_differently_are_no_change() {
    Task after = referral(ACCEPTED);
    after.setRequester(new Reference("http://gateway.example/fhir/PractitionerRole/caseworker-roskilde/_history/2")
        .setDisplay("Caseworker, Roskilde jobcenter"));

    assertThat(POLICY.evaluate(referral(ACCEPTED), after, CLINIC).isAllowed()).isTrue();
  }

  @Test
  void an_element_not_yet_set_may_be_set() {
    Task before = referral(ACCEPTED).setFocus(null);

    assertThat(POLICY.evaluate(before, referral(ACCEPTED), CLINIC).isAllowed()).isTrue();
  }

  @Nested
  class Refused {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dk.kfgateway.workflow.ImmutableFieldsTest#identityElements")
    void when_anyone_changes_an_identity_element(String location, BiConsumer<Task, Reference> change) {
      Task after = referral(ACCEPTED);
      change.accept(after, new Reference("Other/changed"));

      Verdict verdict = POLICY.evaluate(referral(ACCEPTED), after, CLINIC);

      assertThat(verdict.violations()).singleElement().satisfies(v -> {
        assertThat(v.rule().id()).isEqualTo("WF-003");
        assertThat(v.location()).isEqualTo(location);
        assertThat(v.message()).contains("Other/changed", "Post a new referral instead");
      });
    }

    @Test
    void when_two_elements_change_each_is_reported() {
      Task after = referral(ACCEPTED).setFor(new Reference("Patient/someone-else"))
          .setRequester(new Reference("PractitionerRole/other-caseworker"));

      Verdict verdict = POLICY.evaluate(referral(ACCEPTED), after, CLINIC);

      assertThat(verdict.violations()).extracting(Violation::location)
          .containsExactlyInAnyOrder("Task.for", "Task.requester");
      assertThat(verdict.violations()).allMatch(v -> v.rule().id().equals("WF-003"));
    }

    @Test
    void when_a_basedOn_is_removed() {
      Task after = referral(ACCEPTED);
      after.getBasedOn().clear();

      assertThat(POLICY.evaluate(referral(ACCEPTED), after, CLINIC).breaks("WF-003")).isTrue();
    }

    @Test
    void when_the_clinic_hands_the_task_to_another_region() {
      Task after = referral(ACCEPTED).setOwner(new Reference(Referrals.OTHER_CLINIC));

      Verdict verdict = POLICY.evaluate(referral(ACCEPTED), after, CLINIC);

      assertThat(verdict.violations()).singleElement()
          .returns("WF-003", v -> v.rule().id()).returns("Task.owner", Violation::location);
    }
  }
}
