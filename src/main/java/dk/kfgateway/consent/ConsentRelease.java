package dk.kfgateway.consent;

import org.hl7.fhir.r4.model.Task;

/**
 * Whether the consent of a task's case releases the citizen's identity and health documents to the task's clinic now
 * (guide pkt. 13; bkg 2019 §3): the consent registered by the case's own municipality, naming the clinic and the
 * purpose, with the specific wording where the service needs it. The access labels follow this answer.
 */
@FunctionalInterface
public interface ConsentRelease {

  boolean releases(Task task);
}
