package dk.kfgateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;

/**
 * A party acts only on its own cases (WF-013, bkg 2019 §3). For every configured client tenant isolation hides another
 * party's task first (404, SEC-004; see TaskRulesOverHttpTest), because a task is labelled for exactly its requesting
 * municipality and its owning clinic. WF-013 still stands behind it for a client tenant isolation does not restrict:
 * here a migration tool of Kalundborg's, exempt like the test client, on a task Holbæk requested.
 */
class MunicipalityToolActingOnAnotherMunicipalitysTaskTest extends WorkflowHttpTest {

  @Test
  void aMunicipalitysToolExemptFromTenantIsolationCannotCancelAnotherMunicipalitysTask() {
    String taskId = submit("running-case-statement");

    HttpResponse<String> response = move(OTHER_MUNICIPALITY_TOOL, taskId, t -> t.setStatus(TaskStatus.CANCELLED));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(ruleIds(response)).containsExactly("WF-013");
    assertThat(response.body()).contains("this task belongs to Organization/municipality-holbaek");
    assertThat(task(taskId).getStatus()).isEqualTo(TaskStatus.REQUESTED);
  }

  @Test
  void theRequestingMunicipalityMakesTheSameMove() {
    String taskId = submit("running-case-statement");

    HttpResponse<String> response = move(MUNICIPALITY, taskId, t -> t.setStatus(TaskStatus.CANCELLED));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(task(taskId).getStatus()).isEqualTo(TaskStatus.CANCELLED);
  }
}
