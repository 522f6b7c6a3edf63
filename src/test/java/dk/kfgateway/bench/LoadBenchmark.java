package dk.kfgateway.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;

/**
 * The realistic load against the packaged gateway in its own process, over loopback HTTP with the demo clients' tokens,
 * printed as one table (run by {@code bench/load}; measures, asserts nothing):
 *
 * <ol>
 *   <li>start-up time, resident memory and heap after start;
 *   <li>referral intake (LÆ 275 Bundles, {@link BenchReferrals}) at 1, 4 and 16 concurrent clients;
 *   <li>the hospital EHR's work-list poll (first page with includes, then the next page);
 *   <li>task transitions to completion with an LÆ 275 certificate, and completion until the GP copy is acknowledged by
 *       a receiver on 127.0.0.1 (when the gateway has GP delivery, {@link GpDelivery});
 *   <li>resident memory and heap after the run;
 *   <li>the baseline: the same gateway restarted on the same database with {@code gateway.fhir.rules-enabled=false},
 *       the same kind of Bundles at the same concurrency, and the ratio.
 * </ol>
 *
 * Every phase stops at its count or its time limit, whichever comes first, and says how many calls it made.
 */
public final class LoadBenchmark {

  static final String WORK_LIST = "Task?owner=Organization/kf-region-sjaelland&status=requested"
      + "&_include=Task:focus&_include=Task:patient&_count=20";
  static final int[] CONCURRENCY = {1, 4, 16};

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private final Map<String, String> options;
  private final List<String[]> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Duration phaseLimit;

  private LoadBenchmark(Map<String, String> options) {
    this.options = options;
    this.phaseLimit = Duration.ofSeconds(number("seconds", 60));
  }

  /** Options: --jar=PATH --work=DIR [--postgres] [--referrals=N per level] [--polls=N] [--tasks=N] [--seconds=S]
   * [--warmup=N] [--no-baseline]. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      String[] kv = arg.replaceFirst("^--", "").split("=", 2);
      options.put(kv[0], kv.length > 1 ? kv[1] : "true");
    }
    new LoadBenchmark(options).run();
  }

  private void run() throws Exception {
    Path jar = Path.of(options.get("jar"));
    Path work = Files.createDirectories(Path.of(options.getOrDefault("work", "target-bench/load")));
    int perLevel = number("referrals", 40);
    int warmup = number("warmup", 20);
    Path log = work.resolve("gateway.log");
    Files.deleteIfExists(log);
    try (BenchDatabase db = options.containsKey("postgres") ? BenchDatabase.postgres("kf_bench") : BenchDatabase.h2(work);
        GpReceiver gp = new GpReceiver();
        NotificationReceiver municipality = new NotificationReceiver(NotificationReceiver.Mode.TAKE)) {
      System.out.printf("load benchmark: %s, %d referrals per level after %d warm-up, at most %ds per phase, %d CPUs,"
          + " load average %s%n", db.label(), perLevel, warmup, phaseLimit.toSeconds(),
          Runtime.getRuntime().availableProcessors(), loadAverage());
      List<String> args = new ArrayList<>(db.gatewayArgs());
      args.addAll(GpDelivery.gatewayArgs(gp));
      args.addAll(Notifications.gatewayArgs(FhirHttp.MUNICIPALITY, municipality));
      Map<Integer, Double> withRules = new LinkedHashMap<>();
      List<String> taskIds = Collections.synchronizedList(new ArrayList<>());
      try (GatewayProcess gateway = GatewayProcess.start(jar, GatewayProcess.GATEWAY_JVM, args, log, Duration.ofMinutes(5))) {
        row("start-up until ready (first start, empty database)", "", "", "", "", secs(gateway.startup()));
        row("resident memory / heap used after start", "", "", "", "",
            gateway.residentMegabytes() + " MB / " + gateway.heapUsedMegabytes() + " MB");
        FhirHttp client = new FhirHttp(gateway.baseUrl());
        // the municipality is told of every change of its tasks, through the whole run (intake included)
        Notifications.subscribe(client, FhirHttp.MUNICIPALITY, municipality, Notifications.MUNICIPALITY_TASKS);
        intake(client, "warm-up", warmup, 4, taskIds, false);
        for (int clients : CONCURRENCY) {
          withRules.put(clients, intake(client, "intake, rules on", perLevel, clients, taskIds, true));
        }
        workListPoll(client, number("polls", 50));
        transitions(client, gp, municipality, taskIds, number("tasks", 10));
        row("resident memory / heap used after the run", "", "", "", "",
            gateway.residentMegabytes() + " MB / " + gateway.heapUsedMegabytes() + " MB (live after full GC "
                + gateway.liveHeapMegabytes() + " MB)");
      }
      if (!options.containsKey("no-baseline")) {
        List<String> off = new ArrayList<>(args);
        off.add("--gateway.fhir.rules-enabled=false");
        try (GatewayProcess baseline = GatewayProcess.start(jar, GatewayProcess.GATEWAY_JVM, off, log, Duration.ofMinutes(5))) {
          row("start-up until ready (restart, rules off)", "", "", "", "", secs(baseline.startup()));
          FhirHttp client = new FhirHttp(baseline.baseUrl());
          intake(client, "warm-up", warmup, 4, new ArrayList<>(), false);
          for (int clients : CONCURRENCY) {
            double rate = intake(client, "intake, BASELINE rules off", perLevel, clients, new ArrayList<>(), true);
            Double on = withRules.get(clients);
            row("  ratio rules on / off at " + clients + " clients", "", "", "", "",
                on == null || rate <= 0 ? "-" : String.format("%.2f", on / rate));
          }
        }
      }
    }
    print();
    System.out.println("load average at the end: " + loadAverage() + " (other work on the machine skews every figure)");
  }

  private static String loadAverage() {
    try {
      return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  /** Posts this many referrals from this many concurrent clients; returns accepted referrals per second. */
  private double intake(FhirHttp client, String label, int count, int clients, List<String> taskIds, boolean report)
      throws InterruptedException {
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      bodies.add(BenchReferrals.referral(i).json());
    }
    Latencies latencies = new Latencies();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    long deadline = System.nanoTime() + phaseLimit.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long t0 = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count && System.nanoTime() < deadline; i = next.getAndIncrement()) {
          FhirHttp.Answer answer = client.send(FhirHttp.MUNICIPALITY, "POST", "", bodies.get(i));
          if (answer.ok()) {
            latencies.record(answer.nanos());
            taskIds.addAll(locations(answer.body(), "Task/"));
          } else {
            failed.incrementAndGet();
            failures.add(answer.status() + " " + answer.body().substring(0, Math.min(300, answer.body().length())));
          }
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(phaseLimit.toSeconds() + 300, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double rate = latencies.count() / seconds;
    if (report) {
      row(label + ", " + clients + " client" + (clients > 1 ? "s" : ""), latencies.count() + (failed.get() > 0
          ? " (+" + failed.get() + " failed)" : ""), ms(latencies.percentile(50)), ms(latencies.percentile(95)),
          ms(latencies.percentile(99)), String.format("%.1f referrals/s", rate));
    }
    if (!failures.isEmpty()) {
      notes.add(label + " at " + clients + " clients: " + failures.size() + " failed, first: " + failures.get(0));
    }
    return rate;
  }

  /** The hospital EHR polls its work list: the first page with referral and citizen included, then the next page. */
  private void workListPoll(FhirHttp client, int polls) {
    Latencies first = new Latencies();
    Latencies nextPage = new Latencies();
    IParser parser = FHIR.newJsonParser();
    long deadline = System.nanoTime() + phaseLimit.toNanos();
    int entries = 0;
    for (int i = 0; i < polls && System.nanoTime() < deadline; i++) {
      FhirHttp.Answer page = client.send(FhirHttp.CLINIC, "GET", WORK_LIST, null);
      if (!page.ok()) {
        notes.add("work-list poll failed: " + page.status() + " " + page.body());
        return;
      }
      first.record(page.nanos());
      Bundle bundle = parser.parseResource(Bundle.class, page.body());
      entries = bundle.getEntry().size();
      if (i == 0 && bundle.getLink(Bundle.LINK_NEXT) == null) {
        notes.add("the work list's first page has no next link (" + bundle.getEntry().size() + " entries, links "
            + bundle.getLink().stream().map(l -> l.getRelation() + " " + l.getUrl()).toList() + ")");
      }
      if (bundle.getLink(Bundle.LINK_NEXT) != null) {
        FhirHttp.Answer next = client.send(FhirHttp.CLINIC, "GET", bundle.getLink(Bundle.LINK_NEXT).getUrl(), null);
        if (next.ok()) {
          nextPage.record(next.nanos());
        } else if (i == 0) {
          notes.add("work-list next page failed: " + next.status() + " " + next.body());
        }
      }
    }
    row("work-list poll, first page (" + entries + " entries with includes)", String.valueOf(first.count()),
        ms(first.percentile(50)), "", ms(first.percentile(99)), "");
    row("work-list poll, next page", String.valueOf(nextPage.count()), ms(nextPage.percentile(50)), "",
        ms(nextPage.percentile(99)), "");
  }

  /**
   * The clinic takes tasks through received, accepted (examination), in-progress and completed with an LÆ 275
   * certificate; each move is a read and a PUT with If-Match (the PUT is timed). With GP delivery wired, it waits for
   * the GP receiver's acknowledgement of each copy and times it from sending the completing PUT.
   */
  /** Tasks taken to completion before the measured ones. */
  private static final int TRANSITION_WARMUP = 3;

  private void transitions(FhirHttp client, GpReceiver gp, NotificationReceiver municipality, List<String> taskIds,
      int count) {
    Latencies moves = new Latencies();
    Latencies notified = new Latencies();
    Latencies notifiedAfterAnswer = new Latencies();
    Latencies certificates = new Latencies();
    Latencies gpAck = new Latencies();
    boolean gpWired = GpDelivery.wired(gp);
    long deadline = System.nanoTime() + phaseLimit.toNanos();
    int done = 0;
    List<String> ids;
    synchronized (taskIds) {
      ids = new ArrayList<>(taskIds);
    }
    ClinicMoves clinic = new ClinicMoves(client);
    // warm-up, as for intake: a few tasks taken to completion unmeasured, so the figures are of a running server
    int warm = Math.min(TRANSITION_WARMUP, Math.max(0, ids.size() - count));
    for (String id : ids.subList(0, warm)) {
      try {
        for (Task.TaskStatus status : ClinicMoves.TO_COMPLETION) {
          clinic.move(id, status);
        }
      } catch (IllegalStateException e) {
        notes.add("warm-up task " + id + ": " + e.getMessage());
      }
    }
    for (String id : ids.subList(warm, Math.min(warm + count, ids.size()))) {
      if (System.nanoTime() > deadline) {
        break;
      }
      try {
        for (Task.TaskStatus status : ClinicMoves.TO_COMPLETION) {
          ClinicMoves.Move move = clinic.move(id, status);
          moves.record(move.put().nanos());
          NotificationReceiver.Taken notification = awaitNotification(municipality, id, move.put().header("ETag"));
          if (notification != null) {
            notified.record(notification.nanos() - move.sentAt());
            // from the change's answer (its commit) on; 0 when the notification came before the answer did
            notifiedAfterAnswer.record(Math.max(0, notification.nanos() - move.sentAt() - move.put().nanos()));
          }
          if (move.certificate() != null) {
            certificates.record(move.certificate().nanos());
          }
          if (status == Task.TaskStatus.COMPLETED && gpWired) {
            GpReceiver.Delivery delivery = awaitDelivery(gp, move.serviceRequest(), Duration.ofSeconds(10));
            if (delivery != null) {
              gpAck.record(delivery.ackedAtNanos() - move.sentAt());
            }
          }
        }
        done++;
      } catch (IllegalStateException e) {
        notes.add("task " + id + ": " + e.getMessage());
      }
    }
    row("task transition (PUT with If-Match), " + done + " tasks to completed", String.valueOf(moves.count()),
        ms(moves.percentile(50)), "", ms(moves.percentile(99)), "");
    row("task change sent until the municipality's notification arrives", String.valueOf(notified.count()),
        ms(notified.percentile(50)), "", ms(notified.percentile(99)), notified.count() < moves.count()
            ? (moves.count() - notified.count()) + " not within 10 s" : "");
    row("  the same from the change's answer (committed) on", String.valueOf(notifiedAfterAnswer.count()),
        ms(notifiedAfterAnswer.percentile(50)), "", ms(notifiedAfterAnswer.percentile(99)), "");
    row("LÆ 275 certificate upload (POST DocumentReference)", String.valueOf(certificates.count()),
        ms(certificates.percentile(50)), "", ms(certificates.percentile(99)), "");
    if (gpWired) {
      row("completion until the GP copy is acknowledged", String.valueOf(gpAck.count()), ms(gpAck.percentile(50)), "",
          ms(gpAck.percentile(99)), "");
    } else {
      row("completion until the GP copy is acknowledged", "-", "-", "-", "-",
          "not measured: the gateway has no GP delivery configuration yet");
    }
  }

  /** The notification of this version of the task ({@code W/"3"}), waited for at most 10 s. */
  private static NotificationReceiver.Taken awaitNotification(NotificationReceiver receiver, String task, String etag) {
    String focus = "Task/" + task + "/_history/" + (etag == null ? "" : etag.replaceAll("[^0-9]", ""));
    return await(() -> receiver.taken().stream().filter(t -> focus.equals(t.focus())).findFirst().orElse(null),
        Duration.ofSeconds(10));
  }

  private static GpReceiver.Delivery awaitDelivery(GpReceiver gp, String mentioning, Duration timeout) {
    return await(() -> gp.firstMentioning(mentioning), timeout);
  }

  /** What the supplier gives once it gives something, or null after the timeout. */
  private static <T> T await(java.util.function.Supplier<T> found, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      T value = found.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  static List<String> locations(String transactionResponse, String prefix) {
    List<String> ids = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"location\"\\s*:\\s*\"" + prefix + "([^/\"]+)")
        .matcher(transactionResponse);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private void row(String what, String calls, String p50, String p95, String p99, String figure) {
    rows.add(new String[] {what, calls, p50, p95, p99, figure});
    System.out.printf("  %s: %s %s %s %s %s%n", what, calls, p50, p95, p99, figure);
  }

  private void print() {
    System.out.println();
    System.out.printf("| %-62s | %-14s | %-9s | %-9s | %-9s | %s%n", "what", "calls", "p50", "p95", "p99", "figure |");
    System.out.println("|" + "-".repeat(64) + "|" + "-".repeat(16) + "|" + "-".repeat(11) + "|" + "-".repeat(11) + "|"
        + "-".repeat(11) + "|" + "-".repeat(20) + "|");
    for (String[] r : rows) {
      System.out.printf("| %-62s | %-14s | %-9s | %-9s | %-9s | %s |%n", (Object[]) r);
    }
    for (String note : notes) {
      System.out.println("note: " + note);
    }
  }

  private int number(String option, int fallback) {
    return Integer.parseInt(options.getOrDefault(option, String.valueOf(fallback)));
  }

  private static String ms(double millis) {
    return Double.isNaN(millis) ? "-" : String.format("%.0f ms", millis);
  }

  private static String secs(Duration d) {
    return String.format("%.1f s", d.toMillis() / 1000.0);
  }
}
