package dk.kfgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.DatabaseAvailable;
import dk.kfgateway.support.ReferralFixture;
import dk.kfgateway.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two gateways on one PostgreSQL database deliver a batch of GP copies that piled up while the GP system was down:
 * every copy arrives, and none is accepted twice (each delivery holds its outbox row's lock, the other node skips it).
 */
@Tag("integration")
@ExtendWith(DatabaseAvailable.class)
class TwoGatewaysDeliveringABatchTest {

  private static final GpReceiver NORDVEJ = new GpReceiver();
  private static final int BATCH = 8;

  @AfterAll
  static void stopReceiver() {
    NORDVEJ.stop();
  }

  @Test
  void everyCopyIsDeliveredAndNoneTwice() {
    Assumptions.assumeTrue(TestDatabase.current() == TestDatabase.POSTGRES, "several nodes share PostgreSQL only");
    GatewayNode.Database database = GatewayNode.Database.fresh();
    NORDVEJ.down();
    try (GatewayNode one = GatewayNode.start(database, NORDVEJ, 1000);
        GatewayNode two = GatewayNode.start(database, NORDVEJ, 1000)) {
      List<String> citizens = new ArrayList<>();
      List<String> tasks = new ArrayList<>();
      for (int i = 0; i < BATCH; i++) {
        ReferralFixture referral = ReferralFixture.referral("le275-certificate");
        GatewayNode node = i % 2 == 0 ? one : two;
        String taskId = node.cases.inProgress(referral);
        assertThat(node.cases.complete(taskId, "le275", Map.of()).statusCode()).isEqualTo(200);
        citizens.add(referral.cpr());
        tasks.add(taskId);
      }
      NORDVEJ.slow(100);
      NORDVEJ.up();

      Cases.await("all " + BATCH + " copies delivered", () -> tasks.stream().allMatch(task ->
          RoutingHttpTest.only(one.cases.copiesAbout(one.cases.task(task).getFocus().getReference()),
              "certificate-copy").getStatus() == CommunicationStatus.COMPLETED));

      for (String cpr : citizens) {
        assertThat(NORDVEJ.arrivals(cpr).stream().filter(GpReceiver.Arrival::accepted)).as(cpr).hasSize(1);
      }
    }
  }
}
