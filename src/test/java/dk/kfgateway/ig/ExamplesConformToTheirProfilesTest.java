package dk.kfgateway.ig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example of the IG is a valid instance of the gateway profile of its type. */
class ExamplesConformToTheirProfilesTest {

    static Stream<Resource> examples() {
        return SharedValidator.IG.examples().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleValidatesWithoutErrors(Resource example) {
        ValidationReport report = SharedValidator.VALIDATOR.report(example);

        report.messages().forEach(m -> System.out.println(
                example.getIdElement().toUnqualifiedVersionless() + " " + m.getSeverity() + " "
                        + m.getLocationString() + ": " + m.getMessage()));
        assertThat(report.isValid()).as(report.describeErrors()).isTrue();
    }
}
