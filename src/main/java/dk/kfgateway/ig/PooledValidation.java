package dk.kfgateway.ig;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.IInstanceValidatorModule;

/**
 * HAPI's instance validation over any support chain, through pooled, reused validators: what {@link ProfileValidator}
 * uses for the gateway's profiles, for other validators of the gateway (the MedCom messages) to use alike.
 */
public final class PooledValidation {

    /** Validators in a pool (~4 MB each): as many as the CPUs can run at once, at least 4; more requests wait. */
    static final int POOL_SIZE = Math.max(4, Runtime.getRuntime().availableProcessors());
    /** A reused validator is replaced after this many resources, a bound on anything it might accumulate. */
    static final int MAX_RUNS = 10_000;

    private PooledValidation() {}

    /** A validator module with HAPI's checks and messages over {@code support}, safe for concurrent use. */
    public static IInstanceValidatorModule module(IValidationSupport support) {
        return new ReusingInstanceValidatorModule(support, POOL_SIZE, MAX_RUNS);
    }
}
