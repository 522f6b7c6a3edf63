package dk.kfgateway.ig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * Several request threads validate at once, valid and broken resources interleaved, more threads than the pool
 * keeps idle: every report must equal what the same resource gets alone on one thread.
 */
class ConcurrentValidationTest {

    private static final int THREADS = 6;
    private static final int ROUNDS = 5;

    @Test
    void threadsValidatingAtOnceEachGetTheirOwnResourcesVerdict() throws Exception {
        Map<String, String> expected = new ConcurrentHashMap<>();
        cases().forEach(c -> expected.put(c.name(), describe(SharedValidator.VALIDATOR.report(c.resource()))));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<String>>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                threads.add(pool.submit((Callable<List<String>>) () -> {
                    start.await();
                    List<String> mismatches = new ArrayList<>();
                    List<Case> cases = cases();
                    for (int i = 0; i < ROUNDS * cases.size(); i++) {
                        Case c = cases.get((i + offset) % cases.size());
                        String actual = describe(SharedValidator.VALIDATOR.report(c.resource()));
                        if (!actual.equals(expected.get(c.name()))) {
                            mismatches.add(c.name() + " -> " + actual);
                        }
                    }
                    return mismatches;
                }));
            }
            start.countDown();
            for (Future<List<String>> thread : threads) {
                assertThat(thread.get(5, TimeUnit.MINUTES)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.values()).filteredOn(v -> v.contains("ERROR")).hasSize(Mutations.all().size());
    }

    private record Case(String name, Resource resource) {}

    /** The referral's seven valid resources and the broken ones, each a fresh copy for the calling thread. */
    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        SevenResourceReferral.copyFrom(SharedValidator.IG)
                .forEach(r -> cases.add(new Case(r.getIdElement().toUnqualifiedVersionless().getValue(), r)));
        Mutations.all().forEach(b -> cases.add(new Case(b.name(), b.resource().get())));
        return cases;
    }

    /** Errors and warnings, sorted: what must not depend on what else ran at the same time. */
    private static String describe(ValidationReport report) {
        return report.messages().stream()
                .map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage())
                .sorted()
                .reduce("", (a, b) -> a + b + "\n");
    }
}
