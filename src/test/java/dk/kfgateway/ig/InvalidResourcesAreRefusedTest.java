package dk.kfgateway.ig;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

/**
 * Resources that break the profiles fail with an error that names the element: this is what a client
 * sees in the OperationOutcome when the gateway refuses a write.
 */
class InvalidResourcesAreRefusedTest {

    @Test
    void patientWithoutCprIsRefusedAtPatientIdentifier() {
        Patient patient = example(Patient.class);
        patient.getIdentifier().clear();
        patient.addIdentifier(new Identifier().setSystem("urn:example:municipal-case-id").setValue("SAG-1"));

        assertRefusedNaming(patient, "Patient.identifier");
    }

    @Test
    void patientWithAMalformedCprIsRefused() {
        Patient patient = example(Patient.class);
        patient.getIdentifierFirstRep().setValue("010130-4123");

        assertRefusedNaming(patient, "Patient.identifier");
    }

    @Test
    void referralWithAnUnknownServiceCodeIsRefusedAtServiceRequestCode() {
        ServiceRequest referral = example(ServiceRequest.class);
        referral.getCode().getCodingFirstRep().setCode("free-massage").setDisplay("Free massage");

        assertRefusedNaming(referral, "ServiceRequest.code");
    }

    @Test
    void referralWithACodeFromAnotherSystemIsRefused() {
        ServiceRequest referral = example(ServiceRequest.class);
        referral.getCode().getCoding().clear();
        referral.getCode().addCoding(new Coding("http://example.org/services", "le275-certificate", null));

        assertRefusedNaming(referral, "ServiceRequest.code");
    }

    @Test
    void documentWithoutAuthorIsRefusedAtDocumentReferenceAuthor() {
        DocumentReference document = example(DocumentReference.class);
        document.getAuthor().clear();

        assertRefusedNaming(document, "DocumentReference.author");
    }

    @Test
    void documentWithoutDateIsRefusedAtDocumentReferenceDate() {
        DocumentReference document = example(DocumentReference.class);
        document.setDateElement(null);

        assertRefusedNaming(document, "DocumentReference.date");
    }

    private static void assertRefusedNaming(Resource resource, String element) {
        ValidationReport report = SharedValidator.VALIDATOR.report(resource);

        assertThat(report.isValid()).as("%s should be refused", resource.fhirType()).isFalse();
        assertThat(report.errors())
                .as(report.describeErrors())
                .anySatisfy(error -> assertThat(locationAndMessage(error)).contains(element));
    }

    private static String locationAndMessage(SingleValidationMessage error) {
        return error.getLocationString() + " " + error.getMessage();
    }

    /** A fresh copy of the IG's first example of the type, so tests never change the shared one. */
    private static <T extends Resource> T example(Class<T> type) {
        return SharedValidator.IG.examples().stream()
                .filter(type::isInstance)
                .map(r -> type.cast(r.copy()))
                .findFirst()
                .orElseThrow();
    }
}
