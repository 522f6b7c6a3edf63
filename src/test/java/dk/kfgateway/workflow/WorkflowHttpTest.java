package dk.kfgateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.Pdfs;
import dk.kfgateway.support.ReferralFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/** Shared moves of the workflow tests: a municipality submits, the parties change the task over HTTP with If-Match. */
abstract class WorkflowHttpTest extends GatewayIntegrationTest {

  static final String MUNICIPALITY = "holbaek-jobcenter";
  static final String OTHER_MUNICIPALITY = "kalundborg-jobcenter";
  static final String CLINIC = "kf-sjaelland-ehr";
  static final String SECRETARIAT = "kf-sjaelland-secretariat";
  static final String GP = "gp-nordvej";
  static final dk.kfgateway.routing.RoutingTable RESULT_TYPES = dk.kfgateway.routing.RoutingTable.fromCodeSystem(
      dk.kfgateway.ig.ImplementationGuide.load(FHIR).codeSystem("kf-result-routing").orElseThrow());

  /** Holbæk's caseworker submits a valid referral for this service; returns the Task id. */
  String submit(String service) {
    return submit(ReferralFixture.referral(service));
  }

  String submit(ReferralFixture referral) {
    Bundle response = fhirAs(MUNICIPALITY).transaction().withBundle(referral.bundle()).execute();
    return response.getEntry().stream().map(e -> e.getResponse().getLocation()).filter(l -> l.startsWith("Task/"))
        .findFirst().map(l -> l.split("/")[1]).orElseThrow();
  }

  Task task(String id) {
    return fhir.read().resource(Task.class).withId(id).execute();
  }

  /** Reads the task's current version, changes it, and PUTs it back as this client with If-Match on that version. */
  HttpResponse<String> move(String client, String taskId, Consumer<Task> change) {
    Task current = task(taskId);
    change.accept(current);
    return put(client, current, current.getMeta().getVersionId());
  }

  HttpResponse<String> put(String client, Task task, String ifMatchVersion) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/Task/" + task.getIdPart()))
        .header("Authorization", "Bearer " + tokens.of(client))
        .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
        .PUT(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(task)));
    if (ifMatchVersion != null) {
      request.header("If-Match", "W/\"" + ifMatchVersion + "\"");
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Moves that must succeed, in order, as the clinic. */
  void clinicMoves(String taskId, Task.TaskStatus... statuses) {
    for (Task.TaskStatus status : statuses) {
      HttpResponse<String> response = move(CLINIC, taskId, t -> {
        t.setStatus(status);
        if (status == Task.TaskStatus.ACCEPTED) {
          t.setBusinessStatus(new CodeableConcept(new Coding(WorkflowCodes.TRIAGE_OUTCOMES, "examination", null)));
        }
        if (status == Task.TaskStatus.COMPLETED) {
          t.addOutput().setType(new CodeableConcept().setText("result")).setValue(new Reference(result(t)));
        }
      });
      assertThat(response.statusCode()).as(status + ": " + response.body()).isEqualTo(200);
    }
  }

  /**
   * Klinisk Funktion's result document for the task's referral, of the first type that fits its service (the routing
   * table, ROUTE-001); returns "DocumentReference/id".
   */
  String result(Task task) {
    String service = fhir.read().resource(org.hl7.fhir.r4.model.ServiceRequest.class)
        .withId(task.getFocus().getReference()).execute().getCode().getCodingFirstRep().getCode();
    String type = RESULT_TYPES.resultTypes(service).iterator().next();
    DocumentReference doc = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
        .setType(new CodeableConcept(new Coding("http://kf-gateway.dk/fhir/CodeSystem/kf-document-types", type, null)))
        .setSubject(task.getFor()).setDate(new Date());
    doc.addAuthor(new Reference("PractitionerRole/coordinator-holm"));
    doc.getContext().addRelated(task.getFocus());
    doc.addContent().setAttachment(new Attachment().setContentType("application/pdf").setTitle("Udtalelse")
        .setData(Pdfs.withPages(2)));
    return fhirAs(CLINIC).create().resource(doc).execute().getId().toUnqualifiedVersionless().getValue();
  }

  static List<String> ruleIds(HttpResponse<String> response) {
    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    return outcome.getIssue().stream().map(i -> i.getDetails().getCodingFirstRep().getCode()).toList();
  }
}
