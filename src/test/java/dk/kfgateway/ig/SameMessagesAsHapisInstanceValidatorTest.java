package dk.kfgateway.ig;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gateway's reusing module says what HAPI's stock {@link FhirInstanceValidator}, set up as the gateway had it,
 * says: the same distinct messages (severity, location, text) for every example of the IG and every broken one.
 * HAPI checks a profile that is also declared in meta.profile twice and so may list a message twice; the gateway
 * checks it once, hence distinct messages.
 */
class SameMessagesAsHapisInstanceValidatorTest {

    private static final FhirValidator HAPI = stockHapiValidator();

    static Stream<Resource> examples() {
        return SharedValidator.IG.examples().stream().map(Resource::copy);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleGetsHapisMessages(Resource example) {
        assertSameMessages(example);
    }

    @Test
    void everyBrokenResourceGetsHapisMessages() {
        for (Mutations.Broken broken : Mutations.all()) {
            assertSameMessages(broken.resource().get());
        }
    }

    @Test
    void anUndeclaredUnknownProfileIsAnErrorAsInHapi() {
        Resource patient = Mutations.patientWithoutCpr();
        patient.getMeta().addProfile("http://example.org/StructureDefinition/unknown");

        ValidationReport report = SharedValidator.VALIDATOR.report(patient);

        assertThat(report.describeErrors()).contains("http://example.org/StructureDefinition/unknown");
        assertSameMessages(patient);
    }

    private static void assertSameMessages(Resource resource) {
        String profileUrl = SharedValidator.IG.profileFor(resource.fhirType()).orElseThrow();
        Set<String> ours = distinct(SharedValidator.VALIDATOR.validate(resource, profileUrl).result());
        Set<String> hapis = distinct(HAPI.validateWithResult(resource, new ValidationOptions().addProfile(profileUrl)));

        assertThat(ours).as(resource.getIdElement().getValue()).isEqualTo(hapis);
    }

    private static Set<String> distinct(ValidationResult result) {
        return result.getMessages().stream()
                .map(m -> m.getSeverity() + " " + m.getLocationString() + " [" + m.getMessageId() + "] " + m.getMessage())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** What ProfileValidator used before it had its own module. */
    private static FhirValidator stockHapiValidator() {
        FhirInstanceValidator module = new FhirInstanceValidator(
                ProfileValidator.supportChain(SharedValidator.FHIR, SharedValidator.IG));
        module.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        module.setErrorForUnknownProfiles(true);
        FhirValidator validator = SharedValidator.FHIR.newValidator().registerValidatorModule(module);
        validator.setValidateAgainstStandardSchema(false);
        validator.setValidateAgainstStandardSchematron(false);
        return validator;
    }
}
