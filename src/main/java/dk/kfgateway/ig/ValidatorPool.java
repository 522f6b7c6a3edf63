package dk.kfgateway.ig;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Lends {@link ReusableInstanceValidator}s, one borrower at a time each, and keeps a few idle ones.
 *
 * <p>Why a small pool and not a ThreadLocal: every InstanceValidator holds its own copy of the OID registry (several
 * MB); a ThreadLocal would keep one per servlet worker thread (up to 200) for the life of the server, while a pool
 * keeps only as many as validate at once, up to {@code maxIdle}. A burst beyond that builds extra validators that are
 * dropped afterwards. A validator is retired after {@code maxRuns} runs, and after any exception, so that state this
 * project did not foresee cannot build up.
 */
final class ValidatorPool {

    private final Supplier<ReusableInstanceValidator> factory;
    private final BlockingQueue<ReusableInstanceValidator> idle;
    private final int maxRuns;

    ValidatorPool(Supplier<ReusableInstanceValidator> factory, int maxIdle, int maxRuns) {
        this.factory = factory;
        this.idle = new ArrayBlockingQueue<>(maxIdle);
        this.maxRuns = maxRuns;
    }

    /** Runs {@code work} with a validator no other thread uses meanwhile. */
    <T> T withValidator(Function<ReusableInstanceValidator, T> work) {
        ReusableInstanceValidator validator = idle.poll();
        if (validator == null) {
            validator = factory.get();
        }
        T result = work.apply(validator); // on an exception the validator is simply not given back
        if (validator.runs() < maxRuns) {
            idle.offer(validator);
        }
        return result;
    }

    int idleCount() {
        return idle.size();
    }
}
