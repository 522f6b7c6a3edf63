package dk.kfgateway.support;

import ca.uhn.fhir.context.FhirContext;
import dk.kfgateway.ig.Ig;
import dk.kfgateway.ig.ImplementationGuide;
import dk.kfgateway.referral.ServiceCatalogue;
import dk.kfgateway.referral.ServiceDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * A complete, valid referral as a jobcentre posts it over HTTP: one transaction Bundle (urn:uuid fullUrls) with the
 * citizen (conditional create by CPR), the ServiceRequest, its Task, the specific consent and case documents with real
 * PDFs, from Holbæk's caseworker to Klinisk Funktion in Region Sjælland (demo data). Everything the service needs
 * (meeting date, bilag 13 documents) is filled in; a test changes only what makes its scenario.
 */
public final class ReferralFixture {

  public static final String MUNICIPALITY = "Organization/municipality-holbaek";
  public static final String CASEWORKER = "PractitionerRole/caseworker-holbaek";
  public static final String CLINIC = "Organization/kf-region-sjaelland";
  public static final String SPECIFIC_WORDING = "http://kf-gateway.dk/fhir/consent-wording/eg-sundhed-samtykke-2025";

  private static final ServiceCatalogue CATALOGUE =
      ServiceCatalogue.fromCodeSystem(
          ImplementationGuide.load(FhirContext.forR4Cached()).codeSystem(Ig.CS_SERVICES).orElseThrow());

  private final Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
  private final Patient patient = new Patient();
  private final ServiceRequest serviceRequest = new ServiceRequest();
  private final Task task = new Task();
  private final Consent consent = new Consent();
  private final Reference patientRef;
  private final Reference requestRef;
  private final String cpr = IgExamples.fictionalCpr();

  private ReferralFixture(ServiceDefinition service) {
    patient.addIdentifier().setSystem(Ig.CPR).setValue(cpr);
    patient.addName().setFamily("Fiktivsen").addGiven("Test");
    patient.addGeneralPractitioner(new Reference("Organization/gp-clinic-nordvej"));
    patientRef = add(patient);
    bundle.getEntryFirstRep().getRequest().setIfNoneExist("identifier=" + Ig.CPR + "|" + cpr);

    Instant now = Instant.now();
    serviceRequest.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
        .setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
        .setCode(new CodeableConcept(new Coding(Ig.codeSystem(Ig.CS_SERVICES), service.code(), null)))
        .addCategory(new CodeableConcept(new Coding(Ig.codeSystem(Ig.CS_CASE_TYPES), "ressourceforloeb", null)))
        .setSubject(patientRef).setRequester(new Reference(CASEWORKER)).addPerformer(new Reference(CLINIC))
        .setAuthoredOn(Date.from(now))
        .addNote().setText("Hvordan påvirker borgerens helbred arbejdsevnen?");
    if (service.meeting()) {
      meetingAt(now.plus(Duration.ofDays(35)));
    }
    requestRef = add(serviceRequest);
    task.setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
        .setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/CodeSystem/task-code", "fulfill", null)))
        .setFocus(requestRef).addBasedOn(requestRef).setFor(patientRef)
        .setRequester(new Reference(CASEWORKER)).setOwner(new Reference(CLINIC)).setAuthoredOn(Date.from(now));
    add(task);

    DocumentReference form = document("consent-form", "Samtykkeerklæring", 1);
    consent.setStatus(Consent.ConsentState.ACTIVE)
        .setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null)))
        .addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", null)))
        .setPatient(patientRef).setDateTime(Date.from(now.minus(Duration.ofDays(2))))
        .addOrganization(new Reference(MUNICIPALITY))
        .setSource(new Reference(fullUrlOf(form)))
        .addPolicy(new Consent.ConsentPolicyComponent().setUri(SPECIFIC_WORDING));
    consent.addExtension(Ig.EXT_GP_CONTACT_CONSENT, new BooleanType(false));
    Consent.ProvisionComponent provision = consent.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
    provision.getPeriod().setStart(Date.from(now.minus(Duration.ofDays(2)))).setEnd(Date.from(now.plus(Duration.ofDays(365))));
    for (String actor : new String[] {MUNICIPALITY, CLINIC}) {
      provision.addActor().setReference(new Reference(actor)).setRole(new CodeableConcept(
          new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", null)));
    }
    provision.addPurpose(new Coding(Ig.codeSystem(Ig.CS_CONSENT_PURPOSES), "information-exchange", null));
    serviceRequest.addSupportingInfo(new Reference(add(consent).getReference()));

    document("le265", "LÆ 265 fra egen læge", 3);
    document("epicrisis", "Epikrise Holbæk Sygehus", 2);
    if (service.requiresEmploymentOffer()) {
      document("employment-offer", "Konkret jobtilbud", 1);
      document("citizen-description", "Borgerens beskrivelse", 1);
    }
  }

  /** A valid referral for this service code of the IG's catalogue. */
  public static ReferralFixture referral(String serviceCode) {
    return new ReferralFixture(CATALOGUE.find(serviceCode).orElseThrow());
  }

  public static ServiceCatalogue catalogue() {
    return CATALOGUE;
  }

  /** The codes of every service that can be ordered now: for tests that walk the whole catalogue. */
  public static java.util.stream.Stream<String> orderableServiceCodes() {
    Instant now = Instant.now();
    return CATALOGUE.services().stream().filter(s -> s.isOrderableAt(now)).map(ServiceDefinition::code);
  }

  /** Adds a case document of this type with a real PDF of this many pages. */
  public DocumentReference document(String typeCode, String title, int pages) {
    return document(typeCode, title, Pdfs.withPages(pages));
  }

  public DocumentReference document(String typeCode, String title, byte[] content) {
    DocumentReference doc = new DocumentReference().setStatus(DocumentReferenceStatus.CURRENT)
        .setType(new CodeableConcept(new Coding(Ig.codeSystem(Ig.CS_DOCUMENT_TYPES), typeCode, null)))
        .setSubject(patientRef).setDate(Date.from(Instant.now().minus(Duration.ofDays(10))));
    doc.addAuthor(new Reference(CASEWORKER));
    doc.getContext().addRelated(requestRef);
    doc.addContent().setAttachment(new Attachment().setContentType("application/pdf").setTitle(title).setData(content));
    doc.addExtension(Ig.EXT_PAGE_COUNT, new IntegerType(1));
    serviceRequest.addSupportingInfo(new Reference(add(doc).getReference()));
    return doc;
  }

  public ReferralFixture meetingAt(Instant meeting) {
    serviceRequest.setOccurrence(new DateTimeType(Date.from(meeting)));
    return this;
  }

  /** Removes a resource from the Bundle (e.g. to send a referral without its Task). */
  public ReferralFixture without(Resource resource) {
    bundle.getEntry().removeIf(e -> e.getResource() == resource);
    return this;
  }

  public String cpr() {
    return cpr;
  }

  public Patient patient() {
    return patient;
  }

  public ServiceRequest serviceRequest() {
    return serviceRequest;
  }

  public Task task() {
    return task;
  }

  public Consent consent() {
    return consent;
  }

  public Bundle bundle() {
    return bundle;
  }

  private String fullUrlOf(Resource resource) {
    return bundle.getEntry().stream().filter(e -> e.getResource() == resource).findFirst().orElseThrow().getFullUrl();
  }

  private Reference add(Resource resource) {
    String fullUrl = "urn:uuid:" + UUID.randomUUID();
    bundle.addEntry().setFullUrl(fullUrl).setResource(resource)
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
    return new Reference(fullUrl);
  }
}
