package dk.kfgateway.consent;

import java.util.List;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * {@link ConsentRelease}'s answer for a referral's task before anything of the referral is stored: whether the consents
 * arriving with it release the citizen to the task's clinic (guide pkt. 13). For a new citizen these are all there is,
 * so the access labels of its case file can be known as it is stored.
 */
@FunctionalInterface
public interface ArrivingConsentRelease {

  boolean releases(Task task, ServiceRequest referral, List<Consent> arriving);
}
