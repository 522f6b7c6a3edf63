package dk.kfgateway.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import dk.kfgateway.support.Pdfs;
import dk.kfgateway.support.ReferralFixture;
import dk.kfgateway.support.Tokens;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * The moves of a settlement scenario over HTTP: a municipality's referral (posted with the all-scopes test client on
 * the municipality's behalf), the clinic's task moves with the times it records, the secretariat's settlement, and
 * reading what was charged and invoiced.
 */
final class SettlementCases {

  static final String TEST_CLIENT = "test-all-scopes";
  static final String CLINIC = "kf-sjaelland-ehr";
  static final String SECRETARIAT = "kf-sjaelland-secretariat";
  static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String CS = "http://kf-gateway.dk/fhir/CodeSystem/";

  private final String baseUrl;
  private final Tokens tokens;
  private final HttpClient http = HttpClient.newHttpClient();

  SettlementCases(String baseUrl, Tokens tokens) {
    this.baseUrl = baseUrl;
    this.tokens = tokens;
  }

  /** With tokens of the demo clients and the test client (their configured secrets), before a test's own set-up. */
  static SettlementCases at(String baseUrl, int port) {
    return new SettlementCases(baseUrl, new Tokens("http://127.0.0.1:" + port + "/oauth2/token",
        id -> switch (id) {
          case TEST_CLIENT -> "test-secret";
          case "kf-midtjylland-ehr" -> "other-clinic-secret";
          default -> id + "-demo-secret";
        }));
  }

  /** Posts a referral of this service from the municipality ("holbaek", "kalundborg", "roskilde"); the task id. */
  String refer(String service, String municipality, OffsetDateTime sent) {
    ReferralFixture referral = ReferralFixture.referral(service);
    referral.task().setAuthoredOn(Date.from(sent.toInstant()));
    String json = FHIR.newJsonParser().encodeResourceToString(referral.bundle())
        .replace("caseworker-holbaek", "caseworker-" + municipality)
        .replace("municipality-holbaek", "municipality-" + municipality);
    HttpResponse<String> posted = send(TEST_CLIENT, "POST", "", json, null);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, posted.body()).getEntry().stream()
        .map(e -> e.getResponse().getLocation()).filter(l -> l.startsWith("Task/")).findFirst()
        .map(l -> l.split("/")[1]).orElseThrow();
  }

  /** Moves the task as the clinic through these states; an acceptance carries the triage outcome. */
  void move(String taskId, String triage, TaskStatus... states) {
    for (TaskStatus status : states) {
      Task task = task(taskId).setStatus(status);
      if (status == TaskStatus.ACCEPTED) {
        task.setBusinessStatus(new CodeableConcept(new Coding(CS + "kf-triage-outcomes", triage, null)));
      }
      HttpResponse<String> moved = put(CLINIC, task);
      assertThat(moved.statusCode()).as(status + ": " + moved.body()).isEqualTo(200);
    }
  }

  /** Completes the task as the clinic with a result of this type and the work's time as executionPeriod. */
  HttpResponse<String> complete(String taskId, String resultType, OffsetDateTime start, OffsetDateTime end) {
    Task task = task(taskId);
    task.setStatus(TaskStatus.COMPLETED).addOutput()
        .setType(new CodeableConcept(new Coding(CS + "kf-task-output-types", "result", null)))
        .setValue(new Reference(result(task, resultType)));
    period(task, start, end);
    return put(CLINIC, task);
  }

  /** Records the time of the booked LÆ 275 consultation, then changes the task (e.g. cancels it). */
  HttpResponse<String> update(String clientId, String taskId, java.util.function.Consumer<Task> change) {
    Task task = task(taskId);
    change.accept(task);
    return put(clientId, task);
  }

  static void period(Task task, OffsetDateTime start, OffsetDateTime end) {
    if (start != null) {
      task.getExecutionPeriod().setStartElement(new DateTimeType(text(start)));
    }
    if (end != null) {
      task.getExecutionPeriod().setEndElement(new DateTimeType(text(end)));
    }
  }

  static String text(OffsetDateTime at) {
    return at.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
  }

  static void noShow(Task task, OffsetDateTime missed) {
    task.addOutput().setType(new CodeableConcept(new Coding(BillableEvents.EVENTS_SYSTEM, BillableEvents.NO_SHOW,
        null))).setValue(new DateTimeType(text(missed)));
  }

  Task task(String id) {
    return FHIR.newJsonParser().parseResource(Task.class, send(TEST_CLIENT, "GET", "/Task/" + id, null, null).body());
  }

  /** The ChargeItems written for a task, as the test client sees them. */
  List<ChargeItem> chargesOf(String taskId) {
    return search(TEST_CLIENT, "ChargeItem?task=Task/" + taskId, ChargeItem.class);
  }

  <T extends Resource> List<T> search(String clientId, String query, Class<T> type) {
    HttpResponse<String> found = send(clientId, "GET", "/" + query + (query.contains("?") ? "&" : "?")
        + "_count=200", null, null);
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, found.body()).getEntry().stream()
        .map(e -> type.cast(e.getResource())).toList();
  }

  HttpResponse<String> settle(String clientId, String municipality, String month) {
    return send(clientId, "POST", "/Organization/municipality-" + municipality + "/$settle",
        parameter("month", month), null);
  }

  /** A Parameters body with one string parameter. */
  static String parameter(String name, String value) {
    return "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"" + name + "\",\"valueString\":\""
        + value + "\"}]}";
  }

  Invoice settled(String clientId, String municipality, String month) {
    HttpResponse<String> answer = settle(clientId, municipality, month);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Invoice.class, answer.body());
  }

  HttpResponse<String> send(String clientId, String method, String path, String body, String ifMatch) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Accept", "application/fhir+json").header("Cache-Control", "no-cache")
        .header("Authorization", "Bearer " + tokens.of(clientId));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/fhir+json");
    }
    return dk.kfgateway.support.Exchanges.send(http, request.build());
  }

  private HttpResponse<String> put(String clientId, Task task) {
    return send(clientId, "PUT", "/Task/" + task.getIdPart(), FHIR.newJsonParser().encodeResourceToString(task),
        "W/\"" + task.getMeta().getVersionId() + "\"");
  }

  private String result(Task task, String type) {
    DocumentReference doc = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
        .setType(new CodeableConcept(new Coding(CS + "kf-document-types", type, null)))
        .setSubject(task.getFor()).setDate(new Date());
    doc.addAuthor(new Reference("PractitionerRole/coordinator-holm"));
    doc.getContext().addRelated(task.getFocus());
    doc.addContent().setAttachment(new Attachment().setContentType("application/pdf").setTitle("Resultat")
        .setData(Pdfs.withPages(1)));
    HttpResponse<String> created = send(CLINIC, "POST", "/DocumentReference",
        FHIR.newJsonParser().encodeResourceToString(doc), null);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return FHIR.newJsonParser().parseResource(DocumentReference.class, created.body()).getIdElement()
        .toUnqualifiedVersionless().getValue();
  }

  static BigDecimal kr(String amount) {
    return new BigDecimal(amount);
  }
}
