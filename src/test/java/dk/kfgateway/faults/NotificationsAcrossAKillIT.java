package dk.kfgateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.bench.BenchDatabase;
import dk.kfgateway.bench.FhirHttp;
import dk.kfgateway.bench.GatewayProcess;
import dk.kfgateway.bench.NotificationReceiver;
import dk.kfgateway.bench.Notifications;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A gateway node dies hard (SIGKILL) with notifications committed but not delivered, one of them in flight at the
 * subscriber. After a restart on the same PostgreSQL database every new task's notification arrives, and after
 * deduplication on the notification id each arrives exactly once (the one in flight may come twice, same id).
 */
class NotificationsAcrossAKillIT {

  private static final int TASKS = 5;

  @Test
  void every_committed_notification_arrives_after_a_restart_exactly_once_after_deduplication() throws Exception {
    FaultRun.assumePostgres();
    Path log = FaultRun.log("notifications-across-a-kill");
    try (BenchDatabase db = BenchDatabase.postgres("kf_fault_notify");
        NotificationReceiver ehr = new NotificationReceiver(NotificationReceiver.Mode.TAKE)) {
      List<String> args = new ArrayList<>(db.gatewayArgs());
      args.addAll(Notifications.gatewayArgs(FhirHttp.CLINIC, ehr));
      List<String> tasks = new ArrayList<>();
      int inFlightAtKill;
      try (GatewayProcess gateway = FaultRun.start(args, log)) {
        FhirHttp client = new FhirHttp(gateway.baseUrl());
        Notifications.subscribe(client, FhirHttp.CLINIC, ehr, Notifications.NEW_TASKS);
        ehr.hold(); // the EHR takes its time: the first notification is in flight when the node dies
        for (int i = 0; i < TASKS; i++) {
          tasks.add(Notifications.refer(client, i));
        }
        await(() -> ehr.attempts() >= 1, Duration.ofSeconds(30));
        inFlightAtKill = ehr.attempts();
        gateway.killHard();
      }
      // checked before the held request is let go: released, its handler would record it as taken, though the node that
      // sent it is gone and never saw the answer
      assertThat(ehr.taken()).as("nothing acknowledged before the kill").isEmpty();
      ehr.release();

      try (GatewayProcess restarted = FaultRun.start(args, log)) {
        await(() -> ehr.distinctIds().size() >= TASKS, Duration.ofSeconds(60));
        Thread.sleep(2000); // anything sent twice would show by now
      }
      Map<String, Long> byTask = ehr.taken().stream().collect(Collectors.groupingBy(
          t -> t.focus().split("/")[1], Collectors.mapping(NotificationReceiver.Taken::id,
              Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
      System.out.printf("notifications across a kill: %d tasks, %d in flight at the kill, %d received, %d distinct%n",
          TASKS, inFlightAtKill, ehr.taken().size(), ehr.distinctIds().size());
      assertThat(byTask.keySet()).containsExactlyInAnyOrderElementsOf(tasks);
      assertThat(byTask.values()).as("distinct notifications per task").containsOnly(1L);
    }
  }

  static void await(java.util.function.BooleanSupplier condition, Duration patience) throws InterruptedException {
    Instant deadline = Instant.now().plus(patience);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waited " + patience).isBefore(deadline);
      Thread.sleep(100);
    }
  }
}
