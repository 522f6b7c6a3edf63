package dk.kfgateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;

/**
 * Only the requesting municipality and the owning clinic act on a task (WF-010, bkg 2019 §3). A GP system's
 * allow-list has no task update, so SEC-008 refuses it first; WF-010 still stands behind it for a client the
 * allow-list and tenant isolation do not restrict, such as an administrator's data-migration tool.
 */
class PartyThatNeitherRequestsNorPerformsATaskTest extends WorkflowHttpTest {

  @Test
  void anAdministratorToolExemptFromTheAllowListCannotMoveATask() {
    String taskId = submit("running-case-statement");

    HttpResponse<String> response = move(TEST_CLIENT, taskId, t -> t.setStatus(TaskStatus.RECEIVED));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(ruleIds(response)).containsExactly("WF-010");
    assertThat(response.body()).contains("administrator system neither requests nor performs");
    assertThat(task(taskId).getStatus()).isEqualTo(TaskStatus.REQUESTED);
  }

  @Test
  void aGpSystemIsRefusedByItsAllowListBeforeTheWorkflowIsAsked() {
    String taskId = submit("running-case-statement");

    HttpResponse<String> response = move(GP, taskId, t -> t.setStatus(TaskStatus.RECEIVED));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(ruleIds(response)).containsExactly("SEC-008");
    assertThat(task(taskId).getStatus()).isEqualTo(TaskStatus.REQUESTED);
  }
}
