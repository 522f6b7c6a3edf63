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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    HttpResponse<String> asked = sendAs(MUNICIPALITY, "POST", "/Task",
        FHIR.newJsonParser().encodeResourceToString(cancellationRequest(taskId)));
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);

    HttpResponse<String> cancelled = move(SECRETARIAT, taskId, t -> t.setStatus(TaskStatus.CANCELLED));
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(task(taskId).getStatus()).isEqualTo(TaskStatus.CANCELLED);
  }

  /** A request to cancel {@code taskId} as the municipality files it (guide pkt. 8). */
  private Task cancellationRequest(String taskId) {
    Task original = task(taskId);
    return new Task().setStatus(TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
        .setCode(new CodeableConcept(new Coding(WorkflowCodes.TASK_CODE, WorkflowCodes.ABORT, null)))
        .setFocus(new Reference("Task/" + taskId)).setFor(original.getFor())
        .setRequester(original.getRequester()).setOwner(original.getOwner()).setAuthoredOn(new Date());
  }

  @ParameterizedTest(name = "owner {0}")
  @ValueSource(strings = {"Organization/gp-clinic-nordvej", "Organization/municipality-roskilde",
      "Organization/kf-region-midtjylland"})
  void aCancellationRequestGoesToTheClinicThatOwnsTheTask_guidePkt8(String owner) {
    String taskId = submit("le275-certificate");
    clinicMoves(taskId, TaskStatus.RECEIVED, TaskStatus.ACCEPTED);
    Task request = cancellationRequest(taskId).setOwner(new Reference(owner));

    assertRefusedAsCancellationRequest(request, "Task.owner must be the clinic that owns Task/" + taskId);
  }

  @Test
  void aCancellationRequestIsAboutTheTasksCitizen_guidePkt8() {
    String taskId = submit("le275-certificate");
    String otherCitizen = task(submit("le275-certificate")).getFor().getReference();
    assertThat(otherCitizen).isNotEqualTo(task(taskId).getFor().getReference());
    Task request = cancellationRequest(taskId).setFor(new Reference(otherCitizen));

    assertRefusedAsCancellationRequest(request, "Task.for must be the citizen of Task/" + taskId);
  }

  @Test
  void aCancellationRequestNamesTheTaskToCancel_guidePkt8() {
    String taskId = submit("le275-certificate");
    Task request = cancellationRequest(taskId).setFocus(new Reference(task(taskId).getFocus().getReference()));

    assertRefusedAsCancellationRequest(request, "Task.focus must name the referral's Task");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"completed", "accepted", "restriction", "output", "businessStatus", "modifierExtension"})
  void aCancellationRequestArrivesAsARequestWithNothingOfTheClinics_guidePkt8(String what) {
    String taskId = submit("le275-certificate");
    Task request = cancellationRequest(taskId);
    switch (what) {
      case "completed" -> request.setStatus(TaskStatus.COMPLETED);
      case "accepted" -> request.setStatus(TaskStatus.ACCEPTED);
      case "restriction" -> request.getRestriction().getPeriod().setEnd(new Date());
      case "output" -> request.addOutput().setType(new CodeableConcept().setText("done")).setValue(
          new org.hl7.fhir.r4.model.StringType("cancelled"));
      case "modifierExtension" -> request.addModifierExtension().setUrl("http://example.org/handled")
          .setValue(new org.hl7.fhir.r4.model.BooleanType(true));
      default -> request.setBusinessStatus(new CodeableConcept(
          new Coding("http://kf-gateway.dk/fhir/CodeSystem/kf-triage-outcomes", "examination", null)));
    }

    assertRefusedAsCancellationRequest(request, switch (what) {
      case "completed", "accepted" -> "Task.status must be 'requested'";
      case "modifierExtension" -> "Task.modifierExtension: a cancellation request carries none";
      default -> "Task." + what + " is for Klinisk Funktion or the gateway to record";
    });
  }

  private void assertRefusedAsCancellationRequest(Task request, String says) {
    HttpResponse<String> asked = sendAs(MUNICIPALITY, "POST", "/Task", FHIR.newJsonParser().encodeResourceToString(request));

    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(422);
    assertThat(ruleIds(asked)).contains("WF-012");
    assertThat(asked.body()).contains(says);
  }
}
