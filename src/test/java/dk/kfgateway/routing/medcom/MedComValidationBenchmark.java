package dk.kfgateway.routing.medcom;

import ca.uhn.fhir.context.FhirContext;
import dk.kfgateway.bench.Latencies;
import dk.kfgateway.routing.CopyCategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;

/**
 * What MedCom validation costs the gateway: loading the nine official packages, the first (cold) validation, the
 * warm-up at start-up, then per GP message (a certificate copy with its PDF, mapped and validated as when it is written
 * to the outbox) on one thread and on several, and per Acknowledgement (validated as when it comes back). Run by
 * {@code bench/medcom}; prints figures only, asserts nothing but conformance.
 *
 * <p>Arguments (all optional): messages per phase (200), threads (4), time limit in seconds per phase (60), PDF pages
 * of the certificate (5).
 */
public final class MedComValidationBenchmark {

  private MedComValidationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    long limit = TimeUnit.SECONDS.toNanos(args.length > 2 ? Long.parseLong(args[2]) : 60);
    int pages = args.length > 3 ? Integer.parseInt(args[3]) : 5;

    long start = System.nanoTime();
    FhirContext fhir = FhirContext.forR4Cached();
    MedComValidator validator = new MedComValidator(fhir);
    long loaded = System.nanoTime();
    message(validator, pages);
    long first = System.nanoTime();
    validator.warmUp();
    long warm = System.nanoTime();
    System.out.printf("packages loaded (9 packages, validator built): %.0f ms%n", (loaded - start) / 1e6);
    System.out.printf("cold first validation of a CareCommunication message: %.0f ms%n", (first - loaded) / 1e6);
    System.out.printf("warm-up (two official examples): %.0f ms%n", (warm - first) / 1e6);
    System.out.printf("message size with a %d-page PDF: %d kB of JSON%n", pages,
        fhir.newJsonParser().encodeResourceToString(message(validator, pages)).length() / 1024);

    report("CareCommunication, 1 thread ", phase(() -> message(validator, pages), rounds, 1, limit));
    report("CareCommunication, " + threads + " threads", phase(() -> message(validator, pages), rounds, threads, limit));
    Bundle sent = CareCommunicationMessage.of(UUID.randomUUID().toString(), CareCommunicationMessageTest.source(
        CopyCategory.CERTIFICATE_COPY, CareCommunicationMessageTest.gpClinic(), true));
    report("Acknowledgement, 1 thread ", phase(() -> check(validator, AcknowledgementMessage.answering(sent,
        Acknowledgement.Code.OK, null, null, Instant.now()), MedComValidator.ACKNOWLEDGEMENT), rounds, 1, limit));
  }

  /** Maps and validates one certificate copy, as {@code routing.GpMessage} does when writing to the outbox. */
  private static Bundle message(MedComValidator validator, int pages) {
    CareCommunicationMessage.Source source = CareCommunicationMessageTest.source(CopyCategory.CERTIFICATE_COPY,
        CareCommunicationMessageTest.gpClinic(), true);
    source = new CareCommunicationMessage.Source(source.kind(), source.caseReference(), source.sent(),
        source.sender(), source.receiver(), source.patient(), source.signer(),
        new CareCommunicationMessage.DocumentReferenceContent("Speciallægeerklæring",
            dk.kfgateway.support.Pdfs.withPages(pages), source.certificate().written()));
    return check(validator, CareCommunicationMessage.of(UUID.randomUUID().toString(), source),
        MedComValidator.CARE_COMMUNICATION);
  }

  private static Bundle check(MedComValidator validator, Bundle bundle, String profile) {
    List<MedComValidator.Finding> errors = validator.errors(bundle, profile);
    if (!errors.isEmpty()) {
      throw new IllegalStateException("Not conforming: " + errors);
    }
    return bundle;
  }

  /** Runs {@code work} up to {@code rounds} times on {@code threads} threads within the limit; latencies and rate. */
  private static Phase phase(Runnable work, int rounds, int threads, long limit) throws Exception {
    Latencies latencies = new Latencies();
    AtomicInteger next = new AtomicInteger();
    long deadline = System.nanoTime() + limit;
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          while (next.getAndIncrement() < rounds && System.nanoTime() < deadline) {
            long one = System.nanoTime();
            work.run();
            latencies.record(System.nanoTime() - one);
          }
        }));
      }
      for (Future<?> worker : workers) {
        worker.get(limit + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return new Phase(latencies, latencies.count() / ((System.nanoTime() - start) / 1e9));
  }

  private record Phase(Latencies latencies, double perSecond) {}

  private static void report(String label, Phase phase) {
    Latencies l = phase.latencies();
    System.out.printf("%s: %d messages, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; %.1f messages/s%n", label, l.count(),
        l.percentile(50), l.percentile(95), l.percentile(99), phase.perSecond());
  }
}
