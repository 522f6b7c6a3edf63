package dk.kfgateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.pipeline.WriteOrder;
import dk.kfgateway.pipeline.WritePhase;
import dk.kfgateway.pipeline.WritePipeline;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The declared write order as a client meets it: what a Task is (its profile, IG-001) is checked before what may happen
 * to it (the state machine, WF-001), so a move that breaks both is answered with the profile alone; and the running
 * gateway has every declared step in place.
 */
class WriteOrderOverHttpTest extends WorkflowHttpTest {

  @Autowired WritePipeline pipeline;

  @Test
  void aMoveThatBreaksTheProfileAndTheStateMachineIsAnsweredByTheProfile() {
    String taskId = submit("running-case-statement");

    HttpResponse<String> response = move(CLINIC, taskId, t -> {
      t.setStatus(TaskStatus.COMPLETED); // requested -> completed is no move of the table (WF-001)
      t.setIntent(null); // Task.intent is required by the profile (IG-001)
    });

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(ruleIds(response)).containsOnly("IG-001");
    assertThat(response.body()).contains("Task.intent");
  }

  @Test
  void theSameMoveWithAConformingTaskMeetsTheStateMachine() {
    String taskId = submit("running-case-statement");

    HttpResponse<String> response = move(CLINIC, taskId, t -> t.setStatus(TaskStatus.COMPLETED));

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(ruleIds(response)).containsOnly("WF-001");
  }

  @Test
  void theRunningPipelineHasEveryDeclaredStepOfATaskUpdate() {
    assertThat(pipeline.plan(WritePhase.UPDATE, "Task")).isEqualTo(WriteOrder.plan(WritePhase.UPDATE, "Task"));
    assertThat(pipeline.plan(WritePhase.CREATE, "Subscription"))
        .isEqualTo(WriteOrder.plan(WritePhase.CREATE, "Subscription"));
  }
}
