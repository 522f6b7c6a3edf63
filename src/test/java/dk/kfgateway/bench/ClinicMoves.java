package dk.kfgateway.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import dk.kfgateway.support.Pdfs;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * Klinisk Funktion's hospital EHR working a referral over HTTP: received, accepted with the triage outcome
 * "examination", in progress, and completed with its LÆ 275 certificate (a DocumentReference posted first) as output;
 * each move reads the task and PUTs it back with If-Match on the version read.
 */
public final class ClinicMoves {

  public static final List<Task.TaskStatus> TO_COMPLETION = List.of(Task.TaskStatus.RECEIVED,
      Task.TaskStatus.ACCEPTED, Task.TaskStatus.INPROGRESS, Task.TaskStatus.COMPLETED);

  private final FhirHttp client;
  private final IParser parser = FhirContext.forR4Cached().newJsonParser();

  public ClinicMoves(FhirHttp client) {
    this.client = client;
  }

  /** What one move cost and, for the completion, when it was sent (System.nanoTime) and the referral it answers. */
  public record Move(Task.TaskStatus status, FhirHttp.Answer put, FhirHttp.Answer certificate, long sentAt,
      String serviceRequest) {}

  /** Moves the task one step; throws IllegalStateException with the answer when the gateway refuses. */
  public Move move(String taskId, Task.TaskStatus status) {
    Task task = parser.parseResource(Task.class, expectOk(client.send(FhirHttp.CLINIC, "GET", "Task/" + taskId, null)).body());
    task.setStatus(status);
    FhirHttp.Answer certificate = null;
    if (status == Task.TaskStatus.ACCEPTED) {
      task.setBusinessStatus(new CodeableConcept(new Coding(
          "http://kf-gateway.dk/fhir/CodeSystem/kf-triage-outcomes", "examination", null)));
    }
    if (status == Task.TaskStatus.COMPLETED) {
      certificate = expectOk(client.send(FhirHttp.CLINIC, "POST", "DocumentReference",
          parser.encodeResourceToString(certificate(task))));
      String doc = certificate.header("Location").replaceAll(".*/(DocumentReference/[^/]+)/_history/.*", "$1");
      task.addOutput().setType(new CodeableConcept().setText("LÆ 275")).setValue(new Reference(doc));
    }
    long sent = System.nanoTime();
    FhirHttp.Answer put = expectOk(client.send(FhirHttp.CLINIC, "PUT", "Task/" + taskId,
        parser.encodeResourceToString(task), "If-Match", "W/\"" + task.getMeta().getVersionId() + "\""));
    return new Move(status, put, certificate, sent, task.getFocus().getReference());
  }

  private static DocumentReference certificate(Task task) {
    DocumentReference doc = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
        .setType(new CodeableConcept(new Coding("http://kf-gateway.dk/fhir/CodeSystem/kf-document-types", "le275", null)))
        .setSubject(task.getFor()).setDate(new Date());
    doc.addAuthor(new Reference("PractitionerRole/coordinator-holm"));
    doc.getContext().addRelated(task.getFocus());
    doc.addContent().setAttachment(new Attachment().setContentType("application/pdf")
        .setTitle("LÆ 275 Speciallægeattest").setData(Pdfs.withPages(4)));
    return doc;
  }

  private static FhirHttp.Answer expectOk(FhirHttp.Answer answer) {
    if (!answer.ok()) {
      throw new IllegalStateException(answer.status() + " "
          + answer.body().substring(0, Math.min(400, answer.body().length())));
    }
    return answer;
  }
}
