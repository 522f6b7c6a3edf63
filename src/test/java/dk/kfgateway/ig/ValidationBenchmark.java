package dk.kfgateway.ig;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Resource;

/**
 * Measures profile validation as the gateway pays for it: the first validation in a cold JVM, the warm-up at
 * start-up, then the seven-resource referral ({@link SevenResourceReferral}) for a number of rounds, on one thread
 * and on several. Run by {@code bench/validation}; prints figures only, asserts nothing but validity.
 *
 * <p>Arguments (all optional): rounds (200), threads (4), time limit in seconds per phase (60). A phase stops at the
 * time limit even if rounds remain, and says how many it completed.
 */
public final class ValidationBenchmark {

    private ValidationBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        long limitNanos = TimeUnit.SECONDS.toNanos(args.length > 2 ? Long.parseLong(args[2]) : 60);

        long start = System.nanoTime();
        FhirContext fhir = FhirContext.forR4Cached();
        ImplementationGuide ig = ImplementationGuide.load(fhir);
        ProfileValidator validator = new ProfileValidator(fhir, ig);
        List<Resource> referral = SevenResourceReferral.copyFrom(ig);
        long built = System.nanoTime();
        check(validator, referral.get(0));
        long first = System.nanoTime();
        validator.warmUp();
        long warm = System.nanoTime();
        System.out.printf("set-up (context, IG, validator): %.0f ms%n", millis(built - start));
        System.out.printf("cold first validation (%s): %.0f ms%n", SevenResourceReferral.IDS.get(0), millis(first - built));
        System.out.printf("warm-up (%d examples): %.0f ms%n", ig.examples().size(), millis(warm - first));

        long[] single = singleThreaded(validator, referral, rounds, limitNanos);
        report("1 thread ", single, single.length / seconds(Arrays.stream(single).sum()));

        long phaseStart = System.nanoTime();
        long[] parallel = concurrent(validator, ig, rounds, threads, limitNanos);
        report(threads + " threads", parallel, parallel.length / seconds(System.nanoTime() - phaseStart));
    }

    private static long[] singleThreaded(ProfileValidator validator, List<Resource> referral, int rounds, long limit) {
        long deadline = System.nanoTime() + limit;
        long[] times = new long[rounds];
        int done = 0;
        while (done < rounds && System.nanoTime() < deadline) {
            times[done++] = timeReferral(validator, referral);
        }
        return Arrays.copyOf(times, done);
    }

    private static long[] concurrent(ProfileValidator validator, ImplementationGuide ig, int rounds, int threads,
            long limit) throws Exception {
        long deadline = System.nanoTime() + limit;
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    List<Resource> referral = SevenResourceReferral.copyFrom(ig);
                    List<Long> times = new ArrayList<>();
                    while (next.getAndIncrement() < rounds && System.nanoTime() < deadline) {
                        times.add(timeReferral(validator, referral));
                    }
                    return times;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> worker : workers) {
                all.addAll(worker.get(limit + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS));
            }
            return all.stream().mapToLong(Long::longValue).toArray();
        } finally {
            pool.shutdownNow();
        }
    }

    private static long timeReferral(ProfileValidator validator, List<Resource> referral) {
        long start = System.nanoTime();
        referral.forEach(resource -> check(validator, resource));
        return System.nanoTime() - start;
    }

    private static void check(ProfileValidator validator, Resource resource) {
        ValidationReport report = validator.report(resource);
        if (!report.isValid()) {
            throw new IllegalStateException(resource.getIdElement().getValue() + " is invalid:\n" + report.describeErrors());
        }
    }

    private static void report(String label, long[] nanos, double referralsPerSecond) {
        if (nanos.length == 0) {
            System.out.printf("%s: no referral completed within the time limit%n", label);
            return;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: %d referrals of %d resources, per referral p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, "
                        + "mean %.1f ms, max %.1f ms; throughput %.1f referrals/s%n",
                label, sorted.length, SevenResourceReferral.IDS.size(), millis(percentile(sorted, 50)),
                millis(percentile(sorted, 95)), millis(percentile(sorted, 99)),
                millis((long) Arrays.stream(sorted).average().orElse(0)), millis(sorted[sorted.length - 1]),
                referralsPerSecond);
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
