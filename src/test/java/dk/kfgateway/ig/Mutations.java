package dk.kfgateway.ig;

import java.util.List;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Broken copies of the IG's examples, each failing at a named element: the cases a reused validator must report
 * the same way every time, whatever it validated before.
 */
final class Mutations {

    record Broken(String name, String element, Supplier<Resource> resource) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Mutations() {}

    static List<Broken> all() {
        return List.of(
                new Broken("patient without CPR", "Patient.identifier", Mutations::patientWithoutCpr),
                new Broken("malformed CPR", "Patient.identifier", () -> {
                    Patient patient = example(Patient.class);
                    patient.getIdentifierFirstRep().setValue("010130-4123");
                    return patient;
                }),
                new Broken("unknown service code", "ServiceRequest.code", Mutations::referralWithUnknownCode),
                new Broken("code from another system", "ServiceRequest.code", () -> {
                    ServiceRequest referral = example(ServiceRequest.class);
                    referral.getCode().getCoding().clear();
                    referral.getCode().addCoding(new Coding("http://example.org/services", "le275-certificate", null));
                    return referral;
                }),
                new Broken("document without author", "DocumentReference.author", () -> {
                    DocumentReference document = example(DocumentReference.class);
                    document.getAuthor().clear();
                    return document;
                }),
                new Broken("document without date", "DocumentReference.date", () -> {
                    DocumentReference document = example(DocumentReference.class);
                    document.setDateElement(null);
                    return document;
                }));
    }

    static Patient patientWithoutCpr() {
        Patient patient = example(Patient.class);
        patient.getIdentifier().clear();
        patient.addIdentifier(new Identifier().setSystem("urn:example:municipal-case-id").setValue("SAG-1"));
        return patient;
    }

    static ServiceRequest referralWithUnknownCode() {
        ServiceRequest referral = example(ServiceRequest.class);
        referral.getCode().getCodingFirstRep().setCode("free-massage").setDisplay("Free massage");
        return referral;
    }

    /** A fresh copy of the IG's first example of the type. */
    static <T extends Resource> T example(Class<T> type) {
        return SharedValidator.IG.examples().stream()
                .filter(type::isInstance)
                .map(r -> type.cast(r.copy()))
                .findFirst()
                .orElseThrow();
    }
}
