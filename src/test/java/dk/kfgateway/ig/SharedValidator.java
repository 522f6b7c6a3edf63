package dk.kfgateway.ig;

import ca.uhn.fhir.context.FhirContext;

/**
 * One IG and one warmed-up validator for all tests of this package: building and warming them takes seconds,
 * exactly the cost the gateway pays once at start-up.
 */
final class SharedValidator {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final ImplementationGuide IG = ImplementationGuide.load(FHIR);
    static final ProfileValidator VALIDATOR = warmedUp();

    private SharedValidator() {}

    private static ProfileValidator warmedUp() {
        ProfileValidator validator = new ProfileValidator(FHIR, IG);
        long start = System.nanoTime();
        validator.warmUp();
        System.out.printf("IG validator warm-up (%d examples): %d ms%n",
                IG.examples().size(), (System.nanoTime() - start) / 1_000_000);
        return validator;
    }
}
