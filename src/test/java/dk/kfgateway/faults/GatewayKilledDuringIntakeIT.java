package dk.kfgateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.bench.BenchDatabase;
import dk.kfgateway.bench.BenchReferrals;
import dk.kfgateway.bench.ClinicMoves;
import dk.kfgateway.bench.FhirHttp;
import dk.kfgateway.bench.GatewayProcess;
import dk.kfgateway.bench.GpDelivery;
import dk.kfgateway.bench.GpReceiver;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A gateway node dies hard (SIGKILL: no shutdown, open transactions cut) while municipalities post referrals on
 * PostgreSQL. After a restart on the same database, every referral that was answered 2xx is there whole, none that
 * was refused is there at all, and one that got no answer (in flight at the kill) is whole or absent, never partial.
 * With GP delivery wired ({@link GpDelivery}), the certificates completed around the kill reach the GP exactly once
 * after deduplication.
 */
class GatewayKilledDuringIntakeIT {

  private static final int CLIENTS = 4;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 8;
  private static final int NO_ANSWER = -1;

  @Test
  void every_acknowledged_referral_survives_whole_and_nothing_is_stored_half() throws Exception {
    FaultRun.assumePostgres();
    Path log = FaultRun.log("gateway-killed-during-intake");
    try (BenchDatabase db = BenchDatabase.postgres("kf_fault_kill"); GpReceiver gp = new GpReceiver()) {
      List<String> args = new ArrayList<>(db.gatewayArgs());
      args.addAll(GpDelivery.gatewayArgs(gp));
      // retry GP deliveries quickly, so the restarted node redelivers within the test's patience
      args.addAll(List.of("--gateway.routing.interval=1s", "--gateway.routing.initial-backoff=1s",
          "--gateway.routing.max-backoff=2s", "--gateway.routing.timeout=5s"));
      Map<String, Integer> outcomes = new ConcurrentHashMap<>();
      List<String> completed = new ArrayList<>();
      StringBuilder gpSetupFailure = new StringBuilder();

      try (GatewayProcess gateway = FaultRun.start(args, log)) {
        FhirHttp client = new FhirHttp(gateway.baseUrl());
        if (GpDelivery.wired(gp)) {
          gp.hold(); // the GP system takes its time: deliveries are in flight when the node dies
          try {
            completed.addAll(completeSome(client, 3));
          } catch (IllegalStateException e) {
            gpSetupFailure.append("completing referrals before the kill failed: ").append(e.getMessage());
          }
        }
        postUntilKilled(client, gateway, outcomes);
      }
      int inFlightAtKill = gp.received();
      gp.release();

      try (GatewayProcess restarted = FaultRun.start(args, log); Connection check = db.connect()) {
        FhirHttp client = new FhirHttp(restarted.baseUrl());
        List<String> broken = new ArrayList<>();
        outcomes.forEach((cpr, status) -> {
          StoredReferral stored = StoredReferral.of(check, cpr);
          boolean ok = status >= 200 && status < 300 ? stored.whole()
              : status == NO_ANSWER ? stored.whole() || stored.none()
              : stored.none();
          if (!ok) {
            broken.add("CPR " + cpr + " answered " + status + ", stored " + stored.countsByType());
          }
        });
        long acknowledged = outcomes.values().stream().filter(s -> s >= 200 && s < 300).count();
        System.out.printf("kill under load: %d referrals sent, %d acknowledged, %d without answer, %d refused;"
            + " %d GP messages in flight at the kill%n", outcomes.size(), acknowledged,
            outcomes.values().stream().filter(s -> s == NO_ANSWER).count(),
            outcomes.values().stream().filter(s -> s >= 300).count(), inFlightAtKill);
        assertThat(acknowledged).isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
        assertThat(broken).as("referrals not stored all-or-nothing").isEmpty();
        if (GpDelivery.wired(gp)) {
          assertThat(gpSetupFailure).as("GP delivery under load").isEmpty();
          GpCopies.assertEachDeliveredExactlyOnce(gp, completed);
        }
      }
    }
  }

  /** Four municipal clients post referrals; once enough are acknowledged the node is killed with requests in flight. */
  private static void postUntilKilled(FhirHttp client, GatewayProcess gateway, Map<String, Integer> outcomes)
      throws InterruptedException {
    AtomicInteger acknowledged = new AtomicInteger();
    AtomicInteger sequence = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      pool.submit(() -> {
        while (!killed.get() && sequence.get() < 500) {
          BenchReferrals.Referral referral = BenchReferrals.referral(sequence.getAndIncrement());
          outcomes.put(referral.cpr(), NO_ANSWER);
          FhirHttp.Answer answer = client.send(FhirHttp.MUNICIPALITY, "POST", "", referral.json());
          outcomes.put(referral.cpr(), answer.status());
          if (answer.ok() && acknowledged.incrementAndGet() == ACKNOWLEDGED_BEFORE_KILL) {
            gateway.killHard();
            killed.set(true);
          }
        }
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).as("load finished").isTrue();
    if (!killed.get()) {
      gateway.killHard();
    }
  }

  /** Posts referrals and completes them (GP delivery under way when the node dies); returns their ServiceRequests. */
  private static List<String> completeSome(FhirHttp client, int count) {
    ClinicMoves clinic = new ClinicMoves(client);
    List<String> serviceRequests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      FhirHttp.Answer posted = client.send(FhirHttp.MUNICIPALITY, "POST", "", BenchReferrals.referral(1000 + i).json());
      String task = posted.body().replaceAll("(?s).*\"location\"\\s*:\\s*\"Task/([^/\"]+).*", "$1");
      for (var status : ClinicMoves.TO_COMPLETION) {
        ClinicMoves.Move move = clinic.move(task, status);
        if (move.serviceRequest() != null && status == ClinicMoves.TO_COMPLETION.get(3)) {
          serviceRequests.add(move.serviceRequest());
        }
      }
    }
    return serviceRequests;
  }
}
