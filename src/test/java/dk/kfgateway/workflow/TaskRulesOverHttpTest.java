package dk.kfgateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The server enforces who may move a task how, over HTTP (the table in TaskTransitions, WF-xxx). */
class TaskRulesOverHttpTest extends WorkflowHttpTest {

  @Nested
  class Refused {

    @Test
    void theMunicipalityCannotMoveItsTaskForward() {
      String taskId = submit("running-case-statement");

      HttpResponse<String> response = move(MUNICIPALITY, taskId, t -> t.setStatus(TaskStatus.RECEIVED));

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(ruleIds(response)).contains("WF-002");
    }

    @Test
    void anIllegalMoveNamesTheAllowedOnes() {
      String taskId = submit("running-case-statement");

      HttpResponse<String> response = move(CLINIC, taskId, t -> t.setStatus(TaskStatus.COMPLETED));

      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(ruleIds(response)).contains("WF-001");
      assertThat(response.body()).contains("received").contains("cancelled");
    }

    @Test
    void aRejectionNeedsACodedReasonWithText() {
      String taskId = submit("le275-certificate");
      clinicMoves(taskId, TaskStatus.RECEIVED);

      HttpResponse<String> response = move(CLINIC, taskId, t -> t.setStatus(TaskStatus.REJECTED));

      assertThat(response.statusCode()).isEqualTo(422);
      assertThat(ruleIds(response)).contains("WF-004");
    }

    @Test
    void requesterSubjectAndFocusNeverChange() {
      String taskId = submit("running-case-statement");

      HttpResponse<String> response = move(CLINIC, taskId, t -> {
        t.setRequester(new Reference("PractitionerRole/caseworker-kalundborg"));
        t.setFor(new Reference("Patient/citizen-karen"));
      });

      assertThat(response.statusCode()).isIn(409, 422);
      assertThat(ruleIds(response)).containsOnly("WF-003");
      assertThat(response.body()).contains("Task.requester").contains("Task.for");
    }

    @Test
    void theMunicipalityCannotSetTheTriageOutcome() {
      String taskId = submit("running-case-statement");

      HttpResponse<String> response = move(MUNICIPALITY, taskId, t -> t.setBusinessStatus(
          new CodeableConcept(new Coding(WorkflowCodes.TRIAGE_OUTCOMES, "examination", null))));

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(ruleIds(response)).contains("WF-005");
    }

    @Test
    void aTaskIsNotCompletedWithoutItsResult() {
      String taskId = submit("running-case-statement");
      clinicMoves(taskId, TaskStatus.RECEIVED, TaskStatus.ACCEPTED, TaskStatus.INPROGRESS);

      HttpResponse<String> response = move(CLINIC, taskId, t -> t.setStatus(TaskStatus.COMPLETED));

      assertThat(response.statusCode()).isEqualTo(422);
      assertThat(ruleIds(response)).contains("WF-006");
    }

    @Test
    void theMunicipalityEditsOnlyItsOwnFields() {
      String taskId = submit("running-case-statement");

      HttpResponse<String> response = move(MUNICIPALITY, taskId, t -> t.setPriority(Task.TaskPriority.URGENT));

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(ruleIds(response)).contains("WF-009");
    }

    @Test
    void anotherMunicipalityCannotCancelTheTask_bkg2019par3() {
      String taskId = submit("running-case-statement");

      HttpResponse<String> response = move(OTHER_MUNICIPALITY, taskId, t -> t.setStatus(TaskStatus.CANCELLED));

      // Another party's task is hidden, and hidden answers as unknown (SEC-004 before WF-013 is reached).
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).contains("HAPI-2001: Resource Task/" + taskId + " is not known");
      assertThat(task(taskId).getStatus()).isEqualTo(TaskStatus.REQUESTED);
    }

    @Test
    void anotherRegionsClinicCannotMoveTheTask_bkg2019par3() {
      String taskId = submit("running-case-statement");

      HttpResponse<String> response = move(OTHER_CLINIC, taskId, t -> t.setStatus(TaskStatus.RECEIVED));

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).contains("HAPI-2001: Resource Task/" + taskId + " is not known");
      assertThat(task(taskId).getStatus()).isEqualTo(TaskStatus.REQUESTED);
    }

    @Test
    void aGpSystemCannotTouchATask() {
      String taskId = submit("running-case-statement");

      HttpResponse<String> response = move(GP, taskId, t -> t.setStatus(TaskStatus.RECEIVED));

      assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void anotherDeadlineNeedsAReason() {
      String taskId = submit("running-case-statement");
      clinicMoves(taskId, TaskStatus.RECEIVED);

      HttpResponse<String> response =
          move(CLINIC, taskId, t -> t.getRestriction().getPeriod().setEnd(new java.util.Date()));

      assertThat(response.statusCode()).isEqualTo(422);
      assertThat(ruleIds(response)).contains("WF-011");
    }

    @Test
    void aDeadlineCannotBeRemoved_bkg2019par21() {
      String taskId = submit("running-case-statement");
      clinicMoves(taskId, TaskStatus.RECEIVED);
      java.util.Date due = task(taskId).getRestriction().getPeriod().getEnd();
      assertThat(due).as("the deadline set on receipt").isNotNull();

      HttpResponse<String> response = move(CLINIC, taskId, t -> t.setRestriction(null));

      assertThat(response.statusCode()).isEqualTo(422);
      assertThat(ruleIds(response)).contains("WF-011");
      assertThat(response.body()).contains("Task.restriction.period.end was removed");
      assertThat(task(taskId).getRestriction().getPeriod().getEnd()).isEqualTo(due);
    }

    @Test
    void aTaskOnItsOwnMustBeACancellationRequest() {
      Task loose = task(submit("running-case-statement")).copy();
      loose.setId((String) null);
      loose.getMeta().setVersionId(null);

      var response = sendAs(MUNICIPALITY, "POST", "/Task", FHIR.newJsonParser().encodeResourceToString(loose));

      assertThat(response.statusCode()).isEqualTo(422);
      assertThat(ruleIds(response)).contains("WF-012");
    }
  }

  @Test
  void aTaskCreatedInATransactionWithoutItsReferralIsRefused() {
    Task loose = task(submit("running-case-statement")).copy();
    loose.setId((String) null);
    loose.getMeta().setVersionId(null);
    org.hl7.fhir.r4.model.Bundle tx = new org.hl7.fhir.r4.model.Bundle()
        .setType(org.hl7.fhir.r4.model.Bundle.BundleType.TRANSACTION);
    tx.addEntry().setResource(loose).getRequest().setMethod(org.hl7.fhir.r4.model.Bundle.HTTPVerb.POST).setUrl("Task");

    var response = sendAs(MUNICIPALITY, "POST", "", FHIR.newJsonParser().encodeResourceToString(tx));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(ruleIds(response)).contains("WF-012");
  }

  @Test
  void theClinicAssignsANamedHealthCoordinator() {
    String taskId = submit("le275-certificate");
    clinicMoves(taskId, TaskStatus.RECEIVED);

    HttpResponse<String> coordinator =
        move(CLINIC, taskId, t -> t.setOwner(new Reference("PractitionerRole/coordinator-holm")));
    HttpResponse<String> caseworker =
        move(CLINIC, taskId, t -> t.setOwner(new Reference("PractitionerRole/caseworker-holbaek")));

    assertThat(coordinator.statusCode()).as(coordinator.body()).isEqualTo(200);
    assertThat(task(taskId).getOwner().getReference()).isEqualTo("PractitionerRole/coordinator-holm");
    assertThat(caseworker.statusCode()).isIn(409, 422);
    assertThat(ruleIds(caseworker)).containsAnyOf("WF-003", "WF-007");
  }

  @Test
  void aRejectionWithReasonReturnsTheTask() {
    String taskId = submit("le275-certificate");
    clinicMoves(taskId, TaskStatus.RECEIVED);

    HttpResponse<String> response = move(CLINIC, taskId, t -> t.setStatus(TaskStatus.REJECTED).setStatusReason(
        new CodeableConcept(new Coding(WorkflowCodes.REJECTION_REASONS, "sufficiently-informed", null))
            .setText("Sagen er tilstrækkeligt helbredsmæssigt belyst.")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(task(taskId).getStatus()).isEqualTo(TaskStatus.REJECTED);
  }
}
