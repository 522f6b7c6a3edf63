package dk.kfgateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.bench.BenchDatabase;
import dk.kfgateway.bench.FhirHttp;
import dk.kfgateway.bench.GatewayProcess;
import dk.kfgateway.bench.NotificationReceiver;
import dk.kfgateway.bench.Notifications;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two gateway nodes on one PostgreSQL database, a Subscription written through one of them, referrals posted to both
 * in turn: every new task is notified, each exactly once (one node at a time serves a subscriber, by its lease), and
 * in the order the tasks were stored.
 */
class TwoNodesNotifyingIT {

  private static final int TASKS = 20;

  @Test
  void two_nodes_deliver_every_notification_once() throws Exception {
    FaultRun.assumePostgres();
    Path log = FaultRun.log("two-nodes-notifying");
    try (BenchDatabase db = BenchDatabase.postgres("kf_fault_two_nodes");
        NotificationReceiver ehr = new NotificationReceiver(NotificationReceiver.Mode.TAKE)) {
      List<String> args = new ArrayList<>(db.gatewayArgs());
      args.addAll(Notifications.gatewayArgs(FhirHttp.CLINIC, ehr));
      List<String> tasks = new ArrayList<>();
      try (GatewayProcess one = FaultRun.start(args, log); GatewayProcess two = FaultRun.start(args, log)) {
        List<FhirHttp> nodes = List.of(new FhirHttp(one.baseUrl()), new FhirHttp(two.baseUrl()));
        Notifications.subscribe(nodes.get(0), FhirHttp.CLINIC, ehr, Notifications.NEW_TASKS);
        Thread.sleep(2000); // the other node sees a new Subscription within gateway.notification.registry-refresh
        for (int i = 0; i < TASKS; i++) {
          tasks.add(Notifications.refer(nodes.get(i % 2), i));
        }
        NotificationsAcrossAKillIT.await(() -> ehr.taken().size() >= TASKS, Duration.ofSeconds(60));
        Thread.sleep(2000); // a second delivery would show by now
      }
      Map<String, Long> perTask = ehr.taken().stream()
          .collect(Collectors.groupingBy(t -> t.focus().split("/")[1], Collectors.counting()));
      System.out.printf("two nodes: %d tasks, %d notifications received%n", TASKS, ehr.taken().size());
      assertThat(perTask.keySet()).containsExactlyInAnyOrderElementsOf(tasks);
      assertThat(perTask.values()).as("notifications per task").containsOnly(1L);
      List<Long> sequences = ehr.taken().stream().map(NotificationReceiver.Taken::sequence).toList();
      assertThat(sequences).as("in the subscriber's order").isSorted();
    }
  }
}
