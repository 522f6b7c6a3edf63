package dk.kfgateway.ig;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One InstanceValidator validates resource after resource: each result must be what a fresh validator would say,
 * with no error of an earlier resource in a later one, none missing, and nothing of the resources kept afterwards.
 */
class ReusedValidatorCarriesNothingOverTest {

    private static final FhirContext FHIR = SharedValidator.FHIR;

    @Nested
    class OneInstanceValidatorReused {

        private final ReusableInstanceValidator validator =
                new ReusableInstanceValidator(SharedValidator.VALIDATOR.module().workerContext());

        @Test
        void anInvalidThenAValidPatientGivesNoStaleErrors() {
            List<ValidationMessage> invalid = validate(Mutations.patientWithoutCpr());
            List<ValidationMessage> valid = validate(Mutations.example(Patient.class));

            assertThat(errors(invalid)).anySatisfy(m -> assertThat(m).contains("Patient.identifier"));
            assertThat(errors(valid)).isEmpty();
        }

        @Test
        void theSameInvalidResourceGetsTheSameMessagesEveryTime() {
            List<String> first = describe(validate(Mutations.referralWithUnknownCode()));
            validate(Mutations.example(Patient.class));
            validate(Mutations.patientWithoutCpr());
            List<String> again = describe(validate(Mutations.referralWithUnknownCode()));

            assertThat(again).isEqualTo(first).anySatisfy(m -> assertThat(m).contains("ServiceRequest.code"));
        }

        @Test
        void nothingOfAResourceIsKeptAfterItsValidation() {
            validate(Mutations.referralWithUnknownCode());
            validate(Mutations.example(Patient.class));

            assertThat(validator.runs()).isEqualTo(2);
            assertThat(validator.retainedItems()).isZero();
        }

        private List<ValidationMessage> validate(Resource resource) {
            String profileUrl = SharedValidator.IG.profileFor(resource.fhirType()).orElseThrow();
            StructureDefinition profile = SharedValidator.VALIDATOR.module().workerContext()
                    .fetchResource(StructureDefinition.class, profileUrl);
            String json = FHIR.newJsonParser().encodeResourceToString(resource);
            return validator.validateJson(null, json, List.of(profile));
        }
    }

    @Nested
    class ThroughTheProfileValidator {

        @Test
        void eachBrokenResourceThenTheReferralOnOneThreadReportsOnlyItsOwnErrors() {
            List<Resource> referral = SevenResourceReferral.copyFrom(SharedValidator.IG);
            for (Mutations.Broken broken : Mutations.all()) {
                ValidationReport refused = SharedValidator.VALIDATOR.report(broken.resource().get());
                assertThat(refused.describeErrors()).as(broken.name()).contains(broken.element());

                for (Resource resource : referral) {
                    ValidationReport report = SharedValidator.VALIDATOR.report(resource);
                    assertThat(report.isValid()).as("%s after %s: %s", resource.getIdElement().getValue(),
                            broken.name(), report.describeErrors()).isTrue();
                }
            }
        }
    }

    private static List<String> errors(List<ValidationMessage> messages) {
        return describe(messages.stream().filter(m -> m.getLevel().isError()).toList());
    }

    private static List<String> describe(List<ValidationMessage> messages) {
        return messages.stream().map(m -> m.getLevel() + " " + m.getLocation() + ": " + m.getMessage()).toList();
    }
}
