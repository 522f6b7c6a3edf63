package dk.kfgateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import dk.kfgateway.rules.Violation.Kind;
import java.util.Arrays;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The table drives its own tests: every row is allowed, and every other move is refused with the way out. */
class TaskTransitionsTest {

  private static final TaskTransitions TABLE = TaskTransitions.standard();

  static Stream<Transition> rows() {
    return TABLE.rows().stream();
  }

  static Stream<Arguments> movesNotInTheTable() {
    TaskStatus[] states = Arrays.stream(TaskStatus.values()).filter(s -> s != TaskStatus.NULL)
        .toArray(TaskStatus[]::new);
    return Arrays.stream(states).flatMap(from -> Arrays.stream(states).filter(to -> to != from)
        .flatMap(to -> Arrays.stream(ActorRole.values())
            .filter(role -> !TABLE.isAllowed(from, to, role))
            .map(role -> Arguments.of(from, to, role))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void every_row_of_the_table_is_an_allowed_move(Transition row) {
    Verdict verdict = Referrals.POLICY.evaluate(
        Referrals.referral(row.from()), Referrals.movedTo(Referrals.referral(row.from()), row.to()), row.role());

    assertThat(TABLE.isAllowed(row.from(), row.to(), row.role())).isTrue();
    assertThat(verdict.violations()).isEmpty();
  }

  @ParameterizedTest(name = "{2}: {0} -> {1}")
  @MethodSource("movesNotInTheTable")
  void every_move_outside_the_table_is_refused_naming_the_allowed_moves(
      TaskStatus from, TaskStatus to, ActorRole role) {
    Verdict verdict = Referrals.POLICY.evaluate(
        Referrals.referral(from), Referrals.movedTo(Referrals.referral(from), to), role);

    assertThat(verdict.violations()).singleElement().satisfies(violation -> {
      assertThat(violation.rule().id()).isIn("WF-001", "WF-002");
      assertThat(violation.kind()).isEqualTo(violation.rule().id().equals("WF-001") ? Kind.CONFLICT
          : Kind.NOT_PERMITTED);
      assertThat(violation.message()).contains("Allowed moves from '" + from.toCode() + "' for " + role + ": "
          + TransitionTableFormat.targets(TABLE.allowedFrom(from, role)));
    });
  }

  @Test
  void the_final_states_have_no_way_out() {
    assertThat(Stream.of(TaskStatus.COMPLETED, TaskStatus.CANCELLED, TaskStatus.REJECTED, TaskStatus.FAILED))
        .allSatisfy(state -> assertThat(TABLE.isFinal(state)).isTrue());
  }

  @Test
  void a_move_reserved_for_the_clinic_is_not_permitted_and_cites_its_row() {
    Violation violation = Referrals.POLICY.evaluate(Referrals.referral(TaskStatus.RECEIVED),
        Referrals.referral(TaskStatus.ACCEPTED), ActorRole.MUNICIPALITY).violations().get(0);

    assertThat(violation.rule()).isEqualTo(WorkflowRules.notPermitted("guide pkt. 8 (visitation)"));
    assertThat(violation.message()).contains("Only CLINIC or SECRETARIAT");
  }

  @Test
  void the_description_prints_one_line_per_move_with_its_roles_and_source() {
    String table = TABLE.describe();

    assertThat(table).startsWith("| from | to | roles | source |")
        .contains("| received | accepted | CLINIC, SECRETARIAT | guide pkt. 8 (visitation) |")
        .contains("| requested | cancelled | MUNICIPALITY, CLINIC, SECRETARIAT |")
        .contains("| accepted | on-hold | CLINIC, SECRETARIAT, GATEWAY | guide pkt. 13");
    assertThat(table.lines().count() - 2)
        .isEqualTo(TABLE.rows().stream().map(Transition::move).distinct().count());
  }
}
