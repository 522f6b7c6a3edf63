package dk.kfgateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;

/** Versioned updates (If-Match) so that no party's change is ever lost to another's (FHIR http.html#concurrency). */
class ConcurrentTaskUpdatesTest extends WorkflowHttpTest {

  @Test
  void anUpdateWithoutIfMatchIsRefusedWith428() {
    String taskId = submit("running-case-statement");
    Task task = task(taskId).setStatus(TaskStatus.RECEIVED);

    HttpResponse<String> response = put(CLINIC, task, null);

    assertThat(response.statusCode()).isEqualTo(428);
    assertThat(response.body()).contains("If-Match");
    assertThat(ruleIds(response)).containsExactly("FHIR-428");
  }

  @Test
  void conditionalAndTransactionUpdatesAreNotOnTheClinicsAllowList() {
    String taskId = submit("running-case-statement");
    Task task = task(taskId).setStatus(TaskStatus.RECEIVED);
    String json = FHIR.newJsonParser().encodeResourceToString(task);
    org.hl7.fhir.r4.model.Bundle tx = new org.hl7.fhir.r4.model.Bundle()
        .setType(org.hl7.fhir.r4.model.Bundle.BundleType.TRANSACTION);
    tx.addEntry().setResource(task).getRequest().setMethod(org.hl7.fhir.r4.model.Bundle.HTTPVerb.PUT)
        .setUrl("/Task/" + taskId);

    HttpResponse<String> conditional = sendAs(CLINIC, "PUT", "/Task?_id=" + taskId, json);
    HttpResponse<String> inTransaction = sendAs(CLINIC, "POST", "", FHIR.newJsonParser().encodeResourceToString(tx));

    assertThat(conditional.statusCode()).as(conditional.body()).isEqualTo(403);
    assertThat(inTransaction.statusCode()).as(inTransaction.body()).isEqualTo(403);
    assertThat(conditional.body()).contains("SEC-008");
    assertThat(inTransaction.body()).contains("SEC-008");
    assertThat(task(taskId).getStatus()).isEqualTo(TaskStatus.REQUESTED);
  }

  @Test
  void ofTwoUpdatesOfTheSameVersionTheSecondIsRefusedAsAVersionConflict() {
    String taskId = submit("running-case-statement");
    Task first = task(taskId);
    Task second = task(taskId);

    HttpResponse<String> a = put(CLINIC, first.setStatus(TaskStatus.RECEIVED), first.getMeta().getVersionId());
    HttpResponse<String> b = put(MUNICIPALITY, second.addNote(new org.hl7.fhir.r4.model.Annotation()
        .setText("Nyt spørgsmål")), second.getMeta().getVersionId());

    assertThat(a.statusCode()).isEqualTo(200);
    // HAPI answers a stale If-Match with 409 Conflict, which FHIR's http page allows for version conflicts.
    assertThat(b.statusCode()).isEqualTo(409);
    assertThat(b.body()).contains("version");
    assertThat(task(taskId).getStatus()).isEqualTo(TaskStatus.RECEIVED);
  }

  @Test
  void concurrentWritersThatRetryOnConflictLoseNoUpdate() throws Exception {
    String taskId = submit("running-case-statement");
    int writers = 4;
    int notesEach = 5;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<Integer>> results = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      Callable<Integer> job = () -> {
        int conflicts = 0;
        for (int n = 0; n < notesEach; n++) {
          while (true) {
            Task current = task(taskId);
            current.addNote().setText("writer " + writer + " note " + n);
            HttpResponse<String> response = put(MUNICIPALITY, current, current.getMeta().getVersionId());
            if (response.statusCode() == 200) {
              break;
            }
            assertThat(response.statusCode()).as(response.body()).isIn(409, 412);
            conflicts++;
          }
        }
        return conflicts;
      };
      results.add(pool.submit(job));
    }
    for (Future<Integer> result : results) {
      result.get();
    }
    pool.shutdown();

    assertThat(task(taskId).getNote()).hasSize(writers * notesEach);
  }
}
