package dk.kfgateway.referral;

import dk.kfgateway.ig.Ig;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * A referral as a jobcentre posts it: one transaction Bundle with urn:uuid fullUrls, complete and valid unless a test
 * changes it. Tests change it through the accessors, so each test shows only what makes its scenario.
 */
final class ReferralBundleBuilder {

  private final Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
  private final Patient patient = new Patient();
  private final PractitionerRole caseworker = new PractitionerRole();
  private final Organization kliniskFunktion = new Organization();
  private final ServiceRequest serviceRequest = new ServiceRequest();
  private final Task task = new Task();
  private DocumentReference lastDocument;

  private ReferralBundleBuilder(String serviceCode) {
    patient.addIdentifier().setSystem("urn:oid:1.2.208.176.1.2").setValue("0101304123");
    Reference patientRef = add(patient);
    caseworker.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE)
        .setUse(ContactPoint.ContactPointUse.WORK).setValue("+45 59 48 00 00");
    Reference caseworkerRef = add(caseworker);
    kliniskFunktion.setName("Klinisk Funktion, Arbejds- og Socialmedicinsk Afdeling, Holbæk");
    Reference kfRef = add(kliniskFunktion);
    serviceRequest.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
        .setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
        .setCode(new CodeableConcept(new Coding(Ig.codeSystem(Ig.CS_SERVICES), serviceCode, null)))
        .setSubject(patientRef).setRequester(caseworkerRef).addPerformer(kfRef);
    Reference requestRef = add(serviceRequest);
    task.setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
        .setFocus(requestRef).addBasedOn(requestRef).setFor(patientRef).setRequester(caseworkerRef).setOwner(kfRef);
    add(task);
    add(new Consent().setStatus(Consent.ConsentState.ACTIVE).setPatient(patientRef));
  }

  static ReferralBundleBuilder referral(String serviceCode) {
    return new ReferralBundleBuilder(serviceCode);
  }

  /** A complete document with its PDF inline in content.attachment.data. */
  ReferralBundleBuilder document(String title, String typeCode, byte[] content) {
    lastDocument = newDocument(title, typeCode);
    lastDocument.getContentFirstRep().getAttachment().setData(content);
    add(lastDocument);
    return this;
  }

  /** A complete document whose PDF is a Binary entry, referenced by its urn:uuid fullUrl. */
  ReferralBundleBuilder documentInBinary(String title, String typeCode, byte[] content) {
    Binary binary = new Binary().setContentType("application/pdf");
    binary.setContent(content);
    String binaryUrl = add(binary).getReference();
    lastDocument = newDocument(title, typeCode);
    lastDocument.getContentFirstRep().getAttachment().setUrl(binaryUrl);
    add(lastDocument);
    return this;
  }

  /** A Binary entry with a RESTful id ("Binary/{id}") rather than a urn:uuid. */
  ReferralBundleBuilder binaryWithId(String id, byte[] content) {
    Binary binary = new Binary().setContentType("application/pdf");
    binary.setContent(content);
    binary.setId(id);
    bundle.addEntry().setFullUrl("http://gateway.example/fhir/Binary/" + id).setResource(binary)
        .getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Binary/" + id);
    return this;
  }

  ReferralBundleBuilder meetingAt(Instant meeting) {
    serviceRequest.setOccurrence(new DateTimeType(Date.from(meeting)));
    return this;
  }

  ServiceRequest serviceRequest() {
    return serviceRequest;
  }

  Task task() {
    return task;
  }

  PractitionerRole caseworker() {
    return caseworker;
  }

  DocumentReference lastDocument() {
    return lastDocument;
  }

  Bundle build() {
    return bundle;
  }

  /** The Bundle read the way the gateway reads it. */
  ReferralSubmission submission() {
    return new ReferralBundleReader().read(bundle).orElseThrow();
  }

  /** Removes an entry, e.g. to send a Bundle without its Task or caseworker. */
  ReferralBundleBuilder without(Resource resource) {
    bundle.getEntry().removeIf(e -> e.getResource() == resource);
    return this;
  }

  private DocumentReference newDocument(String title, String typeCode) {
    DocumentReference document = new DocumentReference().setStatus(DocumentReferenceStatus.CURRENT)
        .setType(new CodeableConcept(new Coding(Ig.codeSystem(Ig.CS_DOCUMENT_TYPES), typeCode, null)))
        .setDate(Date.from(Instant.parse("2026-03-02T09:00:00Z")))
        .setSubject(task.getFor());
    document.addAuthor(new Reference().setDisplay("Egen læge, Lægehuset Holbæk")
        .setIdentifier(new Identifier().setSystem("urn:oid:1.2.208.176.1.4").setValue("012345")));
    document.addContent().setAttachment(new Attachment().setContentType("application/pdf").setTitle(title));
    return document;
  }

  private Reference add(Resource resource) {
    String fullUrl = "urn:uuid:" + UUID.randomUUID();
    bundle.addEntry().setFullUrl(fullUrl).setResource(resource)
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
    return new Reference(fullUrl);
  }
}
