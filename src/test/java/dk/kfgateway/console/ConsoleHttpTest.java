package dk.kfgateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.routing.GpReceiver;
import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.Pdfs;
import dk.kfgateway.support.ReferralFixture;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway with the console, the demo GP clinic Nordvej's system at a MedCom receiver on 127.0.0.1
 * ({@link GpReceiver}) that is down until a test brings it up (three failed attempts, about two seconds, make a dead letter), a work list polled every two seconds, and
 * LÆ 275 certificates due in 150 working days (a long agreement, so that every deadline crosses public holidays and
 * a change of summer time). The other parties act over the FHIR API with their demo clients.
 */
abstract class ConsoleHttpTest extends GatewayIntegrationTest {

  static final String MUNICIPALITY = "holbaek-jobcenter";
  static final String CLINIC = "kf-sjaelland-ehr";
  static final String LONG_AGREEMENT = "test agreement across the holidays";
  static final GpReceiver NORDVEJ = down(new GpReceiver());

  private static GpReceiver down(GpReceiver receiver) {
    receiver.down();
    return receiver;
  }

  @DynamicPropertySource
  static void console(DynamicPropertyRegistry registry) {
    registry.add("gateway.routing.endpoints.gp-clinic-nordvej", NORDVEJ::endpoint);
    registry.add("gateway.console.poll", () -> "2s");
    registry.add("gateway.deadlines.rules.calendar-days-30", () -> "working-days:150 @ " + LONG_AGREEMENT);
    // a person of the tests alone, for guessing passwords without locking out the demo people the other tests use
    registry.add("gateway.console.people.guessed.password", () -> "{noop}guessed-demo");
    registry.add("gateway.console.people.guessed.name", () -> "Gæt Gættesen");
    registry.add("gateway.console.people.guessed.role", () -> "MUNICIPALITY");
    registry.add("gateway.console.people.guessed.organization", () -> "Organization/municipality-holbaek");
  }

  String consoleBase() {
    return "http://127.0.0.1:" + port;
  }

  /** Holbæk's caseworker posts the referral through the API; the Task's id. */
  String postReferral(ReferralFixture referral) {
    HttpResponse<String> posted =
        sendAs(MUNICIPALITY, "POST", "", FHIR.newJsonParser().encodeResourceToString(referral.bundle()));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    Bundle answer = FHIR.newJsonParser().parseResource(Bundle.class, posted.body());
    return answer.getEntry().stream().map(e -> e.getResponse().getLocation()).filter(l -> l.startsWith("Task/"))
        .findFirst().map(l -> l.split("/")[1]).orElseThrow();
  }

  Task task(String id) {
    return fhir.read().resource(Task.class).withId(id).execute();
  }

  /** The clinic's EHR moves the task on, each move a PUT with If-Match. */
  void clinicMoves(String taskId, TaskStatus... statuses) {
    for (TaskStatus status : statuses) {
      move(CLINIC, taskId, task -> {
        task.setStatus(status);
        if (status == TaskStatus.ACCEPTED) {
          task.setBusinessStatus(new CodeableConcept(
              new Coding("http://kf-gateway.dk/fhir/CodeSystem/kf-triage-outcomes", "examination", null)));
        }
      });
    }
  }

  void move(String clientId, String taskId, Consumer<Task> change) {
    Task task = task(taskId);
    change.accept(task);
    HttpResponse<String> moved = put(clientId, task);
    assertThat(moved.statusCode()).as(task.getStatus() + ": " + moved.body()).isEqualTo(200);
  }

  HttpResponse<String> put(String clientId, Task task) {
    return sendIfMatch(clientId, "/Task/" + task.getIdPart(), task.getMeta().getVersionId(),
        FHIR.newJsonParser().encodeResourceToString(task));
  }

  private HttpResponse<String> sendIfMatch(String clientId, String path, String version, String body) {
    try {
      return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
          .header("Authorization", "Bearer " + tokens.of(clientId)).header("Accept", "application/fhir+json")
          .header("Content-Type", "application/fhir+json").header("If-Match", "W/\"" + version + "\"")
          .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The clinic completes the LÆ 275 task with its certificate: the GP's copy goes to Nordvej's system. */
  void clinicCompletesWithCertificate(String taskId) {
    Task task = task(taskId);
    DocumentReference certificate = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
        .setType(new CodeableConcept(new Coding("http://kf-gateway.dk/fhir/CodeSystem/kf-document-types", "le275",
            null))).setSubject(task.getFor()).setDate(new Date());
    certificate.addAuthor(new Reference("PractitionerRole/coordinator-holm"));
    certificate.getContext().addRelated(task.getFocus());
    certificate.addContent().setAttachment(new Attachment().setContentType("application/pdf")
        .setTitle("LÆ 275").setData(Pdfs.withPages(1)));
    String result = fhirAs(CLINIC).create().resource(certificate).execute().getId().toUnqualifiedVersionless()
        .getValue();
    move(CLINIC, taskId, t -> t.setStatus(TaskStatus.COMPLETED).addOutput().setType(new CodeableConcept(
        new Coding("http://kf-gateway.dk/fhir/CodeSystem/kf-task-output-types", "result", null)))
        .setValue(new Reference(result)));
  }

  /** Holbæk asks the secretariat to cancel its accepted task (guide pkt. 8); the request's id. */
  String municipalityAsksToCancel(String taskId, String why) {
    Task original = task(taskId);
    Task request = new Task().setStatus(TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
        .setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/CodeSystem/task-code", "abort", null)))
        .setFocus(new Reference("Task/" + taskId)).setFor(original.getFor())
        .setRequester(original.getRequester()).setOwner(original.getOwner()).setAuthoredOn(new Date());
    request.addNote().setText(why);
    HttpResponse<String> asked =
        sendAs(MUNICIPALITY, "POST", "/Task", FHIR.newJsonParser().encodeResourceToString(request));
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    return asked.headers().firstValue("Location").orElseThrow().replaceAll(".*/Task/([^/]+).*", "$1");
  }

  static void await(String what, Duration limit, BooleanSupplier condition) {
    dk.kfgateway.support.Exchanges.await(what, limit, condition);
  }
}
