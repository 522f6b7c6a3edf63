package dk.kfgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.DatabaseAvailable;
import dk.kfgateway.support.ReferralFixture;
import java.util.Map;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway stops while a GP copy is still undelivered (the GP system is down); another gateway started on the same
 * database delivers it once the GP system is back: nothing is lost, and the GP's system keeps it once.
 */
@Tag("integration")
@ExtendWith(DatabaseAvailable.class)
class GatewayRestartDuringDeliveryTest {

  private static final GpReceiver NORDVEJ = new GpReceiver();

  @AfterAll
  static void stopReceiver() {
    NORDVEJ.stop();
  }

  @Test
  void aCopyNotYetDeliveredWhenTheGatewayStopsIsDeliveredAfterTheRestart() {
    GatewayNode.Database database = GatewayNode.Database.fresh();
    ReferralFixture referral = ReferralFixture.referral("le275-certificate");
    NORDVEJ.failAlways(referral.cpr());
    String taskId;
    try (GatewayNode first = GatewayNode.start(database, NORDVEJ, 1000)) {
      taskId = first.cases.inProgress(referral);
      assertThat(first.cases.complete(taskId, "le275", Map.of()).statusCode()).isEqualTo(200);
      Cases.await("a first, failed delivery attempt", () -> !NORDVEJ.arrivals(referral.cpr()).isEmpty());
      assertThat(copy(first, taskId).getStatus()).isEqualTo(CommunicationStatus.INPROGRESS);
    }
    int attemptsBeforeRestart = NORDVEJ.arrivals(referral.cpr()).size();
    NORDVEJ.recover(referral.cpr());

    try (GatewayNode second = GatewayNode.start(database, NORDVEJ, 1000)) {
      Cases.await("the copy delivered after the restart",
          () -> copy(second, taskId).getStatus() == CommunicationStatus.COMPLETED);
    }

    assertThat(NORDVEJ.kept(referral.cpr())).hasSize(1);
    assertThat(NORDVEJ.arrivals(referral.cpr())).hasSizeGreaterThan(attemptsBeforeRestart)
        .extracting(GpReceiver.Arrival::bundleId).containsOnly(NORDVEJ.kept(referral.cpr()).get(0).bundleId());
  }

  private static Communication copy(GatewayNode node, String taskId) {
    return RoutingHttpTest.only(node.cases.copiesAbout(node.cases.task(taskId).getFocus().getReference()),
        "certificate-copy");
  }
}
