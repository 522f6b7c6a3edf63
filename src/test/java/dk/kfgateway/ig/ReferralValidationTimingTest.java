package dk.kfgateway.ig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * Measures what validating one referral costs once the validator is warm: patient, service request, task,
 * consent and three documents. Prints the figure; timing is not asserted (machines differ). For percentiles,
 * several threads and the gateway's JVM options, run {@code bench/validation}.
 */
class ReferralValidationTimingTest {

    private static final int ROUNDS = 20;

    @Test
    void aSevenResourceReferralValidatesQuicklyAfterWarmUp() {
        List<Resource> referral = SevenResourceReferral.copyFrom(SharedValidator.IG);
        validateAll(referral);

        long start = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            validateAll(referral);
        }
        double millisPerReferral = (System.nanoTime() - start) / 1e6 / ROUNDS;

        System.out.printf("Validating a %d-resource referral after warm-up: %.1f ms (mean of %d)%n",
                referral.size(), millisPerReferral, ROUNDS);
        referral.forEach(ReferralValidationTimingTest::printMillisOf);
    }

    private static void printMillisOf(Resource resource) {
        long start = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            SharedValidator.VALIDATOR.report(resource);
        }
        System.out.printf("  %s: %.1f ms%n", resource.getIdElement().toUnqualifiedVersionless().getValue(),
                (System.nanoTime() - start) / 1e6 / ROUNDS);
    }

    private static void validateAll(List<Resource> resources) {
        for (Resource resource : resources) {
            assertThat(SharedValidator.VALIDATOR.report(resource).isValid()).isTrue();
        }
    }

}
