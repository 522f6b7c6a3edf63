package dk.kfgateway.access;

import java.util.List;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Everything the gateway holds of one citizen's cases (sager): the citizen, the referrals and their tasks, the
 * consents, the documents and their binaries, and the copies sent. The unit whose access labels are computed together.
 *
 * @param patient the citizen, or null when not stored (yet)
 */
public record CaseFile(Patient patient, List<Task> tasks, List<ServiceRequest> requests, List<Consent> consents,
    List<DocumentReference> documents, List<Binary> binaries, List<Communication> communications) {

  public CaseFile {
    tasks = List.copyOf(tasks);
    requests = List.copyOf(requests);
    consents = List.copyOf(consents);
    documents = List.copyOf(documents);
    binaries = List.copyOf(binaries);
    communications = List.copyOf(communications);
  }
}
