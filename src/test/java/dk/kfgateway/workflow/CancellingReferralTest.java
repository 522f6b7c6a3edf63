package dk.kfgateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;

/** Cancellation: the municipality itself before acceptance, afterwards through the secretariat (guide pkt. 8). */
class CancellingReferralTest extends WorkflowHttpTest {

  @Test
  void theMunicipalityCancelsBeforeTheTaskIsAccepted() {
    String taskId = submit("running-case-statement");

    HttpResponse<String> response = move(MUNICIPALITY, taskId, t -> t.setStatus(TaskStatus.CANCELLED));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(task(taskId).getStatus()).isEqualTo(TaskStatus.CANCELLED);
  }

  @Test
  void afterAcceptanceTheMunicipalityAsksAndTheSecretariatCancels() {
    String taskId = submit("le275-certificate");
    clinicMoves(taskId, TaskStatus.RECEIVED, TaskStatus.ACCEPTED);

    HttpResponse<String> direct = move(MUNICIPALITY, taskId, t -> t.setStatus(TaskStatus.CANCELLED));
    assertThat(direct.statusCode()).isEqualTo(403);
    assertThat(direct.body()).contains("abort");

    Task original = task(taskId);
    Task request = new Task().setStatus(TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
        .setCode(new CodeableConcept(new Coding(WorkflowCodes.TASK_CODE, WorkflowCodes.ABORT, null)))
        .setFocus(new Reference("Task/" + taskId)).setFor(original.getFor())
        .setRequester(original.getRequester()).setOwner(original.getOwner()).setAuthoredOn(new Date());
    HttpResponse<String> asked = sendAs(MUNICIPALITY, "POST", "/Task", FHIR.newJsonParser().encodeResourceToString(request));
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);

    HttpResponse<String> cancelled = move(SECRETARIAT, taskId, t -> t.setStatus(TaskStatus.CANCELLED));
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(task(taskId).getStatus()).isEqualTo(TaskStatus.CANCELLED);
  }
}
