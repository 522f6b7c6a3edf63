package dk.kfgateway.pipeline;

import static dk.kfgateway.pipeline.Step.ACCESS_LABELS;
import static dk.kfgateway.pipeline.Step.AUDIT_TRAIL_READ_ONLY;
import static dk.kfgateway.pipeline.Step.CHANGE_MATCHING;
import static dk.kfgateway.pipeline.Step.INDEPENDENCE;
import static dk.kfgateway.pipeline.Step.PROFILE;
import static dk.kfgateway.pipeline.Step.REFERRAL_IN_TRANSACTION;
import static dk.kfgateway.pipeline.Step.RESULT_ROUTING;
import static dk.kfgateway.pipeline.Step.SUBSCRIPTION_ENDPOINT;
import static dk.kfgateway.pipeline.Step.SUBSCRIPTION_INTAKE;
import static dk.kfgateway.pipeline.Step.TASK_CHARGES;
import static dk.kfgateway.pipeline.Step.TASK_WORKFLOW;
import static dk.kfgateway.pipeline.Step.TENANT_WRITE;
import static dk.kfgateway.pipeline.Step.TRIAGE_CONSENT;
import static dk.kfgateway.pipeline.Step.UNSEEN_REFERENCES;
import static dk.kfgateway.pipeline.Step.WRITE_AUDIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The declared order of the write steps, as the issue of one pipeline per write asks for it. */
class WriteOrderTest {

  @Test
  void aTaskUpdateIsCheckedForItsReferencesThenItsProfileThenTheWorkflowThenConsentThenWhatItCauses() {
    assertThat(WriteOrder.plan(WritePhase.UPDATE, "Task")).containsExactly(UNSEEN_REFERENCES, PROFILE, TENANT_WRITE,
        TASK_WORKFLOW, TRIAGE_CONSENT, INDEPENDENCE, RESULT_ROUTING, TASK_CHARGES, ACCESS_LABELS);
  }

  @Test
  void aNewReferralIsValidatedThenStoredOnlyAsItsTransactionBeforeItIsLabelled() {
    assertThat(WriteOrder.plan(WritePhase.CREATE, "ServiceRequest"))
        .containsExactly(UNSEEN_REFERENCES, PROFILE, TENANT_WRITE, REFERRAL_IN_TRANSACTION, ACCESS_LABELS);
  }

  @Test
  void subscriptionsAreTakenInFirstAndTheirEndpointCheckedAfterTheProfile() {
    assertThat(WriteOrder.plan(WritePhase.UPDATE, "Subscription")).containsExactly(SUBSCRIPTION_INTAKE,
        UNSEEN_REFERENCES, PROFILE, TENANT_WRITE, SUBSCRIPTION_ENDPOINT, ACCESS_LABELS);
    assertThat(WriteOrder.plan(WritePhase.DELETE, "Subscription")).containsExactly(SUBSCRIPTION_INTAKE, TENANT_WRITE);
  }

  @Test
  void theAuditTrailIsGuardedOnEveryWriteOfIt() {
    for (WritePhase phase : new WritePhase[] {WritePhase.CREATE, WritePhase.UPDATE, WritePhase.DELETE}) {
      assertThat(WriteOrder.plan(phase, "AuditEvent")).contains(AUDIT_TRAIL_READ_ONLY)
          .startsWith(phase == WritePhase.DELETE ? AUDIT_TRAIL_READ_ONLY : UNSEEN_REFERENCES);
    }
  }

  @Test
  void beforeCommitTheLabelsAreMarkedBeforeTheChangeIsMatchedAndAudited() {
    assertThat(WriteOrder.plan(WritePhase.UPDATED, "Task")).containsExactly(ACCESS_LABELS, CHANGE_MATCHING,
        WRITE_AUDIT);
    assertThat(WriteOrder.plan(WritePhase.TRANSACTION_PROCESSED, "")).containsExactly(WRITE_AUDIT);
  }

  @Test
  void everyStepHasItsPlaceOnce() {
    assertThat(WriteOrder.ORDER.stream().map(WriteOrder.Entry::step))
        .containsExactlyInAnyOrder(Step.values()).doesNotHaveDuplicates();
    assertThat(Arrays.stream(Step.values()).filter(s -> WriteOrder.ORDER.stream().noneMatch(e -> e.step() == s)))
        .isEmpty();
  }
}
