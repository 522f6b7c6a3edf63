package dk.kfgateway.routing.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The validator over the official packages shipped with the gateway: MedCom's own examples conform (0 errors), and a
 * broken copy is refused by the MedCom rule it breaks.
 */
class OfficialPackagesValidatingTest {

  static final FhirContext FHIR = FhirContext.forR4Cached();
  static final MedComValidator VALIDATOR = new MedComValidator(FHIR);
  static final List<String> ACKNOWLEDGEMENTS = OfficialExamples.ACKNOWLEDGEMENT_EXAMPLES;

  @Test
  void theOfficialCareCommunicationExampleConforms() {
    Bundle example = OfficialExamples.read(FHIR, OfficialExamples.CARE_COMMUNICATION);

    assertThat(VALIDATOR.errors(example, MedComValidator.CARE_COMMUNICATION)).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("ACKNOWLEDGEMENTS")
  void eachOfficialAcknowledgementExampleConforms(String example) {
    assertThat(VALIDATOR.errors(OfficialExamples.read(FHIR, example), MedComValidator.ACKNOWLEDGEMENT)).isEmpty();
  }

  @Test
  void aMessageWithoutItsPatientBreaksCareCommunicationRule2() {
    Bundle example = OfficialExamples.read(FHIR, OfficialExamples.CARE_COMMUNICATION);
    example.getEntry().removeIf(e -> e.getResource() instanceof org.hl7.fhir.r4.model.Patient);

    assertThat(VALIDATOR.errors(example, MedComValidator.CARE_COMMUNICATION))
        .extracting(MedComValidator.Finding::rule).contains("medcom-careCommunication-2");
  }
}
