package dk.kfgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.ReferralFixture;
import java.net.http.HttpResponse;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;

/**
 * The result a clinic completes a task with is a DocumentReference about the task's own citizen (ROUTE-002, bkg 2019
 * §22-§23): the municipality and the GP must never receive another citizen's statement, even one of the same clinic.
 */
class ClinicCompletingWithAnotherCitizensDocumentTest extends RoutingHttpTest {

  @Test
  void theCompletionIsRefusedAndNoCopyIsMade() {
    String otherTaskId = cases.inProgress(ReferralFixture.referral("running-case-statement"));
    assertThat(cases.complete(otherTaskId, "statement", Map.of()).statusCode()).isEqualTo(200);
    Reference otherCitizensStatement = (Reference) cases.task(otherTaskId).getOutputFirstRep().getValue();
    String taskId = cases.inProgress(ReferralFixture.referral("running-case-statement"));
    Task task = cases.task(taskId).setStatus(TaskStatus.COMPLETED);
    task.addOutput().setType(new CodeableConcept(new Coding(
        "http://kf-gateway.dk/fhir/CodeSystem/kf-task-output-types", "result", null)))
        .setValue(new Reference(otherCitizensStatement.getReference()));

    HttpResponse<String> completed = cases.put(Cases.CLINIC, task);

    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(422);
    assertThat(Cases.ruleIds(completed)).containsExactly("ROUTE-002");
    Task stored = cases.task(taskId);
    assertThat(stored.getStatus()).isEqualTo(TaskStatus.INPROGRESS);
    assertThat(cases.copiesAbout(stored.getFocus().getReference())).isEmpty();
  }
}
