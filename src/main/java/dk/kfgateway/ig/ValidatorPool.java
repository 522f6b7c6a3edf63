package dk.kfgateway.ig;

import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Lends {@link ReusableInstanceValidator}s, one borrower at a time each: at most {@code size} exist, and a borrower
 * waits for one when all are lent.
 *
 * <p>Why a small bounded pool and not a ThreadLocal: every InstanceValidator holds its own copy of the OID registry
 * (several MB); a ThreadLocal would keep one per servlet worker thread (up to 200) for the life of the server. Why
 * waiting rather than building one more: validation is pure CPU work, so more validators than the machine has cores
 * make no request faster, and each one built under load costs ~25 ms of the very CPU the burst is short of. The most
 * recently used validator is lent first. A validator is retired after {@code maxRuns} runs, and after any exception,
 * so that state this project did not foresee cannot build up; the next borrower builds its successor.
 */
final class ValidatorPool {

    private final Supplier<ReusableInstanceValidator> factory;
    private final BlockingDeque<ReusableInstanceValidator> idle;
    private final Semaphore lent;
    private final int maxRuns;

    ValidatorPool(Supplier<ReusableInstanceValidator> factory, int size, int maxRuns) {
        this.factory = factory;
        this.idle = new LinkedBlockingDeque<>(size);
        this.lent = new Semaphore(size, true);
        this.maxRuns = maxRuns;
    }

    /** Runs {@code work} with a validator no other thread uses meanwhile. */
    <T> T withValidator(Function<ReusableInstanceValidator, T> work) {
        lent.acquireUninterruptibly();
        try {
            ReusableInstanceValidator validator = idle.pollFirst();
            if (validator == null) {
                validator = factory.get();
            }
            T result = work.apply(validator); // on an exception the validator is simply not given back
            if (validator.runs() < maxRuns) {
                idle.offerFirst(validator); // last in, first out: the warmest validator goes next
            }
            return result;
        } finally {
            lent.release();
        }
    }

    /** Builds validators until all {@code size} are idle. */
    void fill() {
        while (idle.remainingCapacity() > 0 && idle.offer(factory.get())) {
            // keep going
        }
    }

    int idleCount() {
        return idle.size();
    }
}
