package dk.kfgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.routing.GpReceiver.Reply;
import dk.kfgateway.support.ReferralFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;

/** Certificate copies sent to the GP clinic Nordvej's system, scripted per citizen, and acknowledgements posted back. */
abstract class AcknowledgementHttpTest extends RoutingHttpTest {

  /** The demo client of the GP clinic Nordvej's system (role GP). */
  static final String GP_SYSTEM = "gp-nordvej";

  /** A certificate copy on its way to the GP clinic Nordvej, whose system answers with these replies, then ok. */
  Sent sent(Reply... replies) {
    ReferralFixture referral = ReferralFixture.referral("le275-certificate");
    NORDVEJ.answer(referral.cpr(), replies);
    String taskId = cases.inProgress(referral);
    assertThat(cases.complete(taskId, "le275", Map.of()).statusCode()).isEqualTo(200);
    return new Sent(referral.cpr(), cases.task(taskId).getFocus().getReference());
  }

  /** A copy sent about a citizen in a referral. */
  final class Sent {
    final String cpr;
    final String referral;

    Sent(String cpr, String referral) {
      this.cpr = cpr;
      this.referral = referral;
    }

    Communication copy() {
      return only(cases.copiesAbout(referral), "certificate-copy");
    }

    Communication await(CommunicationStatus status) {
      Cases.await("certificate copy " + status.toCode(), () -> copy().getStatus() == status);
      return copy();
    }

    /** The Bundle.id of the first message that arrived. */
    String firstArrival() {
      Cases.await("the message at the GP system", () -> !NORDVEJ.kept(cpr).isEmpty());
      return NORDVEJ.kept(cpr).get(0).bundleId();
    }
  }

  /** Posts a message to {@code $process-message} as this demo client. */
  HttpResponse<String> post(String client, Bundle message) {
    return post(client, Cases.FHIR.newJsonParser().encodeResourceToString(message));
  }

  HttpResponse<String> post(String client, String body) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/$process-message"))
          .header("Authorization", "Bearer " + tokens.of(client)).header("Content-Type", "application/fhir+json")
          .header("Accept", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
