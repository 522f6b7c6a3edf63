package dk.kfgateway.referral;


import dk.kfgateway.access.CitizenReference;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * A referral (henvisning/anmodning) as a municipality posts it: the ServiceRequest, and what the same Bundle carries
 * with it. Built by {@link ReferralBundleReader}; read by the intake rules. The Patient, Task and Consent may be
 * absent (already stored, or missing); the rules decide whether that is acceptable.
 */
public final class ReferralSubmission {

  private final BundleEntries entries;
  private final ServiceRequest serviceRequest;
  private final Patient patient;
  private final Task task;
  private final Consent consent;
  private final List<SubmittedDocument> documents;

  ReferralSubmission(
      BundleEntries entries,
      ServiceRequest serviceRequest,
      Patient patient,
      Task task,
      Consent consent,
      List<SubmittedDocument> documents) {
    this.entries = entries;
    this.serviceRequest = serviceRequest;
    this.patient = patient;
    this.task = task;
    this.consent = consent;
    this.documents = List.copyOf(documents);
  }

  public ServiceRequest serviceRequest() {
    return serviceRequest;
  }

  public Optional<Patient> patient() {
    return Optional.ofNullable(patient);
  }

  public Optional<Task> task() {
    return Optional.ofNullable(task);
  }

  public Optional<Consent> consent() {
    return Optional.ofNullable(consent);
  }

  /** The case documents in Bundle order. */
  public List<SubmittedDocument> documents() {
    return documents;
  }

  /** The ordered service: the ServiceRequest.code coding from kf-services. */
  public Optional<String> serviceCode() {
    return ReferralFields.serviceCode(serviceRequest);
  }

  /** The entry of this Bundle a reference points to; empty for a stored resource or a dangling reference. */
  public Optional<Resource> resolve(Reference reference) {
    if (reference == null) {
      return Optional.empty();
    }
    if (reference.getResource() instanceof Resource inMemory) {
      return Optional.of(inMemory);
    }
    return entries.resolve(reference.getReference());
  }

  /** True when the reference points to exactly this entry of the Bundle. */
  public boolean refersTo(Reference reference, Resource target) {
    return resolve(reference).filter(r -> r == target).isPresent();
  }

  /**
   * Whether a reference names the referral's citizen: the Patient of the Bundle, or else the request's subject; an
   * identifier written on it (a CPR) must be one of that Patient's, or the subject's, too.
   */
  public boolean namesTheCitizen(Reference reference) {
    Reference subject = serviceRequest().getSubject();
    return patient().map(citizen -> refersTo(reference, citizen) && CitizenReference.carriesOwnIdentifier(reference, citizen))
        .orElseGet(() -> reference.hasReference() && reference.getReference().equals(subject.getReference())
            && (!reference.hasIdentifier() || !subject.hasIdentifier()
                || reference.getIdentifier().equalsDeep(subject.getIdentifier())));
  }


  /** Where a resource of this Bundle sits, for a violation's location. */
  public String locationOf(Resource resource) {
    return entries.locationOf(resource);
  }
}
