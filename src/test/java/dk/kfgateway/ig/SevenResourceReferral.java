package dk.kfgateway.ig;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * The referral the timing test and the benchmark validate: patient, service request, task, consent and three
 * documents, as the IG's examples. Fresh copies each time, so that concurrent validations never share an object.
 */
final class SevenResourceReferral {

    static final List<String> IDS = List.of(
            "Patient/citizen-example", "ServiceRequest/le275-referral", "Task/le275-task",
            "Consent/le275-consent", "DocumentReference/doc-consent-form", "DocumentReference/doc-le265",
            "DocumentReference/doc-epicrisis");

    private SevenResourceReferral() {}

    static List<Resource> copyFrom(ImplementationGuide ig) {
        return IDS.stream().map(id -> example(ig, id)).toList();
    }

    private static Resource example(ImplementationGuide ig, String id) {
        return ig.examples().stream()
                .filter(r -> r.getIdElement().toUnqualifiedVersionless().getValue().equals(id))
                .findFirst()
                .map(Resource::copy)
                .orElseThrow(() -> new IllegalStateException("the IG has no example " + id));
    }
}
