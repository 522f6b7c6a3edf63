package dk.kfgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.ReferralFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With the demo on, a new user sees the GP's copy arrive without a GP system of their own: the gateway delivers it to
 * its demo inbox, listed at {@code GET /demo/gp-inbox/gp-clinic-nordvej} without a token. The inbox takes only what
 * the gateway's dispatcher signed, so nobody can plant messages in it.
 */
class TryingDeliveryWithTheDemoGpInboxTest extends GatewayIntegrationTest {

  @Test
  void theCertificateCopyShowsUpInTheDemoGpInbox() {
    Cases cases = new Cases(baseUrl(), tokens);
    String taskId = cases.inProgress(ReferralFixture.referral("le275-certificate"));
    assertThat(cases.complete(taskId, "le275", Map.of()).statusCode()).isEqualTo(200);
    String referral = cases.task(taskId).getFocus().getReference();

    Cases.await("the copy acknowledged by the demo inbox", () -> RoutingHttpTest.only(cases.copiesAbout(referral),
        "certificate-copy").getStatus() == org.hl7.fhir.r4.model.Communication.CommunicationStatus.COMPLETED);

    assertThat(inbox().statusCode()).isEqualTo(200);
    assertThat(inbox().body()).contains(referral + "\"", "\"acknowledgement\":\"ok\"", "examination-results");
  }

  @Test
  void aPostThatTheGatewayDidNotSignIsRefusedAndNotListed() throws Exception {
    String forged = "{\"resourceType\":\"Bundle\",\"id\":\"forged-1\",\"type\":\"message\",\"entry\":[{\"resource\":"
        + "{\"resourceType\":\"Communication\",\"id\":\"forged-copy\"}}]}";

    HttpResponse<String> unsigned = post(forged, null);
    HttpResponse<String> wronglySigned = post(forged, "sha256=" + "ab".repeat(32));

    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(wronglySigned.statusCode()).isEqualTo(403);
    assertThat(unsigned.body()).contains("error").doesNotContain("Exception");
    assertThat(inbox().statusCode()).isEqualTo(200);
    assertThat(inbox().body()).doesNotContain("forged");
  }

  private HttpResponse<String> post(String body, String signature) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/demo/gp-inbox/gp-clinic-nordvej")).header("Content-Type", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("X-KF-Gateway-Signature", signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> inbox() {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/demo/gp-inbox/gp-clinic-nordvej"))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
