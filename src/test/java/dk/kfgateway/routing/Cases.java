package dk.kfgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import dk.kfgateway.support.Pdfs;
import dk.kfgateway.support.ReferralFixture;
import dk.kfgateway.support.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * The moves of a routing scenario over HTTP against one gateway: Holbæk's caseworker submits a referral, Klinisk
 * Funktion's EHR takes it to in-progress and completes it with a result document and its recommendations, and anyone
 * reads the copies made.
 */
final class Cases {

  static final String MUNICIPALITY = "holbaek-jobcenter";
  static final String OTHER_MUNICIPALITY = "kalundborg-jobcenter";
  static final String CLINIC = "kf-sjaelland-ehr";
  static final String SECRETARIAT = "kf-sjaelland-secretariat";
  static final String ADMIN = "test-all-scopes";
  static final FhirContext FHIR = FhirContext.forR4Cached();

  static {
    FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
  }

  private final String baseUrl;
  private final Tokens tokens;
  private final HttpClient http = HttpClient.newHttpClient();

  Cases(String baseUrl, Tokens tokens) {
    this.baseUrl = baseUrl;
    this.tokens = tokens;
  }

  IGenericClient as(String clientId) {
    IGenericClient client = FHIR.newRestfulGenericClient(baseUrl);
    client.registerInterceptor(new IClientInterceptor() {
      @Override
      public void interceptRequest(IHttpRequest request) {
        request.addHeader("Authorization", "Bearer " + tokens.of(clientId));
        request.addHeader("Cache-Control", "no-cache");
      }

      @Override
      public void interceptResponse(IHttpResponse response) {}
    });
    return client;
  }

  /**
   * Submits the referral for Holbæk's caseworker and takes its task to in-progress as the clinic; the task id. Posted
   * with the all-scopes test client: posted by the municipality's own client, the citizen created in the referral
   * transaction is currently stored without its version (HFJ_RESOURCE without HFJ_RES_VER, read answers 404), which
   * is outside routing (reported).
   */
  String inProgress(ReferralFixture referral) {
    Bundle response = as(ADMIN).transaction().withBundle(referral.bundle()).execute();
    String taskId = response.getEntry().stream().map(e -> e.getResponse().getLocation())
        .filter(l -> l.startsWith("Task/")).findFirst().map(l -> l.split("/")[1]).orElseThrow();
    for (TaskStatus status : List.of(TaskStatus.RECEIVED, TaskStatus.ACCEPTED, TaskStatus.INPROGRESS)) {
      Task task = task(taskId).setStatus(status);
      if (status == TaskStatus.ACCEPTED) {
        task.setBusinessStatus(new CodeableConcept(
            new Coding("http://kf-gateway.dk/fhir/CodeSystem/kf-triage-outcomes", "examination", null)));
      }
      HttpResponse<String> moved = put(CLINIC, task);
      assertThat(moved.statusCode()).as(status + ": " + moved.body()).isEqualTo(200);
    }
    return taskId;
  }

  /** Completes the task as the clinic with a new result document of this type and these recommendations. */
  HttpResponse<String> complete(String taskId, String resultType, Map<String, Boolean> recommendations) {
    Task task = task(taskId);
    String result = result(task, resultType);
    task.setStatus(TaskStatus.COMPLETED).addOutput().setType(outputType("result")).setValue(new Reference(result));
    recommendations.forEach((code, value) -> task.addOutput().setType(outputType(code)).setValue(new BooleanType(value)));
    return put(CLINIC, task);
  }

  Task task(String id) {
    return as(ADMIN).read().resource(Task.class).withId(id).execute();
  }

  /** Every Communication about the referral, as the test's all-scopes client sees them. */
  List<Communication> copiesAbout(String referral) {
    return as(ADMIN).search().byUrl("Communication?about=" + referral + "&_count=100").returnBundle(Bundle.class)
        .execute().getEntry().stream().map(e -> (Communication) e.getResource()).toList();
  }

  HttpResponse<String> send(String clientId, String method, String path) {
    return send(clientId, HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  HttpResponse<String> post(String clientId, String path) {
    return send(clientId, HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"resourceType\":\"Parameters\"}")));
  }

  /** Waits until the condition holds, polling; fails with the description after 90 s. */
  static void await(String what, BooleanSupplier condition) {
    dk.kfgateway.support.Exchanges.await(what, Duration.ofSeconds(90), condition);
  }

  private String result(Task task, String type) {
    DocumentReference doc = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
        .setType(new CodeableConcept(new Coding("http://kf-gateway.dk/fhir/CodeSystem/kf-document-types", type, null)))
        .setSubject(task.getFor()).setDate(new Date());
    doc.addAuthor(new Reference("PractitionerRole/coordinator-holm"));
    doc.getContext().addRelated(task.getFocus());
    doc.addContent().setAttachment(new Attachment().setContentType("application/pdf").setTitle("Resultat")
        .setData(Pdfs.withPages(1)));
    return as(CLINIC).create().resource(doc).execute().getId().toUnqualifiedVersionless().getValue();
  }

  private static CodeableConcept outputType(String code) {
    return new CodeableConcept(new Coding("http://kf-gateway.dk/fhir/CodeSystem/kf-task-output-types", code, null));
  }

  HttpResponse<String> put(String clientId, Task task) {
    return send(clientId, HttpRequest.newBuilder(URI.create(baseUrl + "/Task/" + task.getIdPart()))
        .header("Content-Type", "application/fhir+json")
        .header("If-Match", "W/\"" + task.getMeta().getVersionId() + "\"")
        .PUT(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(task))));
  }

  private HttpResponse<String> send(String clientId, HttpRequest.Builder request) {
    try {
      return http.send(request.header("Authorization", "Bearer " + tokens.of(clientId))
          .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rule ids of an OperationOutcome answer. */
  static List<String> ruleIds(HttpResponse<String> response) {
    return FHIR.newJsonParser().parseResource(org.hl7.fhir.r4.model.OperationOutcome.class, response.body())
        .getIssue().stream().map(i -> i.getDetails().getCodingFirstRep().getCode()).toList();
  }
}
