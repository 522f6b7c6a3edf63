package dk.kfgateway.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Reads a referral out of a transaction Bundle. A Bundle without a ServiceRequest is not a referral and yields
 * empty, so the gateway can let every other transaction pass untouched. Pure: only the Bundle is read.
 *
 * <p>One referral per Bundle: the first ServiceRequest is the referral. Its Patient is the entry its subject points
 * to (else the Bundle's first Patient); its Task is the one whose focus points to it (else the first Task).
 */
public final class ReferralBundleReader {

  public Optional<ReferralSubmission> read(Bundle bundle) {
    BundleEntries entries = new BundleEntries(bundle);
    List<ServiceRequest> requests = entries.all(ServiceRequest.class);
    if (requests.isEmpty()) {
      return Optional.empty();
    }
    ServiceRequest request = requests.get(0);
    Patient patient = entries.resolve(request.getSubject().getReference())
        .filter(Patient.class::isInstance)
        .map(Patient.class::cast)
        .orElseGet(() -> first(entries.all(Patient.class)));
    Task task = entries.all(Task.class).stream()
        .filter(t -> entries.resolve(t.getFocus().getReference()).filter(r -> r == request).isPresent())
        .findFirst()
        .orElseGet(() -> first(entries.all(Task.class)));
    return Optional.of(new ReferralSubmission(
        entries, request, patient, task, first(entries.all(Consent.class)), documents(entries)));
  }

  /** Every DocumentReference of any Bundle with its content, from the attachment or a Binary entry of the Bundle. */
  public List<SubmittedDocument> documents(Bundle bundle) {
    return documents(new BundleEntries(bundle));
  }

  private static List<SubmittedDocument> documents(BundleEntries entries) {
    List<SubmittedDocument> documents = new ArrayList<>();
    for (DocumentReference reference : entries.all(DocumentReference.class)) {
      Attachment attachment = reference.getContent().stream()
          .findFirst()
          .map(DocumentReference.DocumentReferenceContentComponent::getAttachment)
          .orElseGet(Attachment::new);
      Optional<Binary> binary = attachment.hasData()
          ? Optional.empty()
          : entries.resolveUrl(attachment.getUrl()).filter(Binary.class::isInstance).map(Binary.class::cast);
      byte[] content = attachment.hasData() ? attachment.getData() : binary.map(Binary::getContent).orElse(null);
      String contentType = attachment.hasContentType()
          ? attachment.getContentType()
          : binary.filter(Binary::hasContentType).map(Binary::getContentType).orElse(null);
      documents.add(new SubmittedDocument(
          documents.size() + 1, reference, entries.locationOf(reference), content, contentType));
    }
    return documents;
  }

  private static <T extends Resource> T first(List<T> resources) {
    return resources.isEmpty() ? null : resources.get(0);
  }
}
