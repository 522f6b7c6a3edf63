package dk.kfgateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.rules.Verdict;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may be the coordinator of a citizen's case (bkg 2019 §12 stk. 2, §13 stk. 3, §26 stk. 7). */
class CoordinatorIndependenceRulesTest {

  static final String HOLM = "Practitioner/anders-holm";
  static final IndependencePolicy POLICY = new IndependencePolicy();

  @Test
  void an_unrelated_coordinator_may_be_assigned() {
    assertThat(POLICY.check(HOLM, Set.of("Practitioner/peter-moeller"), Set.of(), Set.of(), false).isAllowed()).isTrue();
  }

  @Test
  void the_citizens_gp_may_not() {
    Verdict verdict = POLICY.check(HOLM, Set.of(HOLM), Set.of(), Set.of(), true);

    assertThat(verdict.breaks("IND-001")).isTrue();
    assertThat(verdict.violations().get(0).rule().source()).isEqualTo("bkg 2019 §12 stk. 2");
  }

  @Test
  void a_practitioner_treating_the_citizen_may_not() {
    assertThat(POLICY.check(HOLM, Set.of(), Set.of(HOLM), Set.of(), true).breaks("IND-001")).isTrue();
  }

  @Test
  void the_same_person_in_a_second_role_only_with_the_citizens_agreement() {
    assertThat(POLICY.check(HOLM, Set.of(), Set.of(), Set.of(HOLM), false).breaks("IND-002")).isTrue();
    assertThat(POLICY.check(HOLM, Set.of(), Set.of(), Set.of(HOLM), true).isAllowed()).isTrue();
  }
}
