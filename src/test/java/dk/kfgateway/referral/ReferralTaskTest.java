package dk.kfgateway.referral;

import static dk.kfgateway.referral.Intake.check;
import static dk.kfgateway.referral.Intake.violationsOf;
import static dk.kfgateway.referral.ReferralBundleBuilder.referral;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Task a jobcentre posts with its referral must fit it (IG profile kf-task). */
class ReferralTaskTest {

  @Test
  void aTaskOrderingTheReferralForTheCitizenFromKliniskFunktionIsAccepted() {
    assertThat(check(referral("running-case-statement")).isAllowed()).isTrue();
  }

  static Stream<Arguments> misfits() {
    return Stream.of(
        Arguments.of("intent", (Consumer<Task>) t -> t.setIntent(Task.TaskIntent.PLAN)),
        Arguments.of("status", (Consumer<Task>) t -> t.setStatus(Task.TaskStatus.ACCEPTED)),
        Arguments.of("focus", (Consumer<Task>) t -> t.setFocus(new Reference("ServiceRequest/other"))),
        Arguments.of("basedOn", (Consumer<Task>) t -> t.getBasedOn().clear()),
        Arguments.of("for", (Consumer<Task>) t -> t.setFor(new Reference("Patient/someone-else"))),
        Arguments.of("owner", (Consumer<Task>) t -> t.setOwner(null)));
  }

  @Nested
  class Refused {

    @ParameterizedTest(name = "Task.{0} that does not fit")
    @MethodSource("dk.kfgateway.referral.ReferralTaskTest#misfits")
    void aTaskThatDoesNotFitIsReportedAtTheElement(String element, Consumer<Task> misfit) {
      ReferralBundleBuilder referral = referral("running-case-statement");
      misfit.accept(referral.task());

      assertThat(violationsOf(check(referral), "REF-009")).singleElement().satisfies(v -> {
        assertThat(v.display()).startsWith("[REF-009] Task." + element).contains("source: IG profile kf-task");
        assertThat(v.location()).endsWith(".resource." + element);
      });
    }

    @Test
    void aReferralWithoutTaskIsReported() {
      ReferralBundleBuilder referral = referral("running-case-statement");
      referral.without(referral.task());

      assertThat(violationsOf(check(referral), "REF-009")).singleElement()
          .satisfies(v -> assertThat(v.message()).contains("no Task"));
    }
  }
}
