package dk.kfgateway.ig;

import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Lends {@link ReusableInstanceValidator}s, one borrower at a time each, and keeps a few idle ones.
 *
 * <p>Why a small pool and not a ThreadLocal: every InstanceValidator holds its own copy of the OID registry (several
 * MB); a ThreadLocal would keep one per servlet worker thread (up to 200) for the life of the server, while a pool
 * keeps only as many as validate at once, up to {@code maxIdle}, and lends the most recently used first. A burst beyond that builds extra validators that are
 * dropped afterwards. A validator is retired after {@code maxRuns} runs, and after any exception, so that state this
 * project did not foresee cannot build up.
 */
final class ValidatorPool {

    private final Supplier<ReusableInstanceValidator> factory;
    private final BlockingDeque<ReusableInstanceValidator> idle;
    private final int maxRuns;

    ValidatorPool(Supplier<ReusableInstanceValidator> factory, int maxIdle, int maxRuns) {
        this.factory = factory;
        this.idle = new LinkedBlockingDeque<>(maxIdle);
        this.maxRuns = maxRuns;
    }

    /** Runs {@code work} with a validator no other thread uses meanwhile. */
    <T> T withValidator(Function<ReusableInstanceValidator, T> work) {
        ReusableInstanceValidator validator = idle.pollFirst();
        if (validator == null) {
            validator = factory.get();
        }
        T result = work.apply(validator); // on an exception the validator is simply not given back
        if (validator.runs() < maxRuns) {
            idle.offerFirst(validator); // last in, first out: the warmest validator goes next
        }
        return result;
    }

    /** Builds validators until {@code maxIdle} are idle. */
    void fill() {
        while (idle.remainingCapacity() > 0 && idle.offer(factory.get())) {
            // keep going
        }
    }

    int idleCount() {
        return idle.size();
    }
}
