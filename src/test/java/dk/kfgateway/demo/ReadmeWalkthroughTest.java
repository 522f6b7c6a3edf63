package dk.kfgateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's walkthrough, request for request, against the demo data: if this passes, the curl commands there work.
 */
class ReadmeWalkthroughTest extends GatewayIntegrationTest {

  @Test
  void theWalkthroughOfTheReadmeWorks() throws IOException {
    String referral = Files.readString(Path.of("src/test/resources/requests/referral-le275.json"));

    HttpResponse<String> posted = sendAs("holbaek-jobcenter", "POST", "", referral);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

    HttpResponse<String> workList = sendAs("kf-sjaelland-ehr", "GET",
        "/Task?owner=Organization/kf-region-sjaelland&status=requested&_include=Task:focus&_include=Task:patient"
            + "&_count=500", null);
    assertThat(workList.body()).contains("\"id\": \"task-1\"").contains("Eksempelsen");

    String task = sendAs("kf-sjaelland-ehr", "GET", "/Task/task-1", null).body()
        .replaceAll("\"status\" *: *\"requested\"", "\"status\": \"received\"");
    HttpResponse<String> received = sendWithIfMatch("kf-sjaelland-ehr", "/Task/task-1", task, "W/\"1\"");
    assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
    assertThat(received.body()).contains("restriction").contains("calendar-days-30");

    assertThat(sendAs("holbaek-jobcenter", "GET", "/Task?requester=PractitionerRole/caseworker-holbaek&_count=500", null)
        .body())
        .contains("task-1");
    assertOk("holbaek-jobcenter", "/Task?requester=PractitionerRole/caseworker-holbaek&_sort=-_lastUpdated");
    assertOk("kf-sjaelland-ehr", "/DocumentReference?related=ServiceRequest/referral-1");
    assertOk("kf-sjaelland-secretariat",
        "/Task?code=abort&owner=Organization/kf-region-sjaelland&status=requested");
    assertOk("gp-nordvej", "/Communication?recipient=Organization/gp-clinic-nordvej");
    HttpResponse<String> subscribed = sendAs("kf-sjaelland-ehr", "POST", "/Subscription", """
        {"resourceType": "Subscription", "status": "requested", "reason": "New tasks",
          "criteria": "Task?owner=Organization/kf-region-sjaelland&status=requested",
          "channel": {"type": "rest-hook", "endpoint": "https://ehr.regionsjaelland.example/fhir-notify",
            "payload": "application/fhir+json"}}""");
    assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
    // removed again: its example endpoint answers nothing, and HAPI would retry it on every later task change
    String subscription = subscribed.headers().firstValue("Location").orElseThrow()
        .replaceAll(".*/(Subscription/[^/]+).*", "$1");
    for (int attempt = 1; attempt <= 3; attempt++) {
      if (sendAs("kf-sjaelland-ehr", "DELETE", "/" + subscription, null).statusCode() == 200) {
        break;
      }
    }
    assertThat(sendAs("kf-sjaelland-ehr", "GET",
        "/Task?owner=Organization/kf-region-sjaelland&status=received,accepted,in-progress&due=lt2027-01-01&_count=500",
        null).body())
        .contains("task-1");
  }

  private void assertOk(String client, String path) {
    HttpResponse<String> answer = sendAs(client, "GET", path, null);
    assertThat(answer.statusCode()).as(path + " -> " + answer.body()).isEqualTo(200);
  }

  private HttpResponse<String> sendWithIfMatch(String client, String path, String body, String ifMatch) {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
        .header("Authorization", "Bearer " + tokens.of(client)).header("If-Match", ifMatch)
        .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
