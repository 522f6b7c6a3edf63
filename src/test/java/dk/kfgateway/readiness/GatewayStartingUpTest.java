package dk.kfgateway.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kfgateway.demo.DemoData;
import dk.kfgateway.support.GatewayIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

/**
 * A load balancer or container runtime asking whether the gateway is live and ready: ready only once the IG is
 * installed, the validators are warm and the demo data is stored. The moment before the demo data is caught by a
 * test-only start-up step that runs right before it ({@link DemoData#ORDER}) and asks over HTTP then.
 */
@Import(GatewayStartingUpTest.AskingBeforeTheDemoData.class)
class GatewayStartingUpTest extends GatewayIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired AskingBeforeTheDemoData beforeTheDemoData;

  @Test
  void readinessIsOutOfServiceWhileTheDemoDataIsNotYetStored() throws IOException {
    HttpResponse<String> answer = beforeTheDemoData.readiness;

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
    JsonNode health = JSON.readTree(answer.body());
    assertThat(health.path("status").asText()).isEqualTo("OUT_OF_SERVICE");
    JsonNode steps = health.at("/components/startup/details");
    assertThat(steps.path("implementationGuide").asText()).isEqualTo("installed");
    assertThat(steps.path("profileValidator").asText()).isEqualTo("warm");
    assertThat(steps.path("demoData").asText()).isEqualTo("pending");
    assertThat(health.at("/components/readinessState/status").asText()).isEqualTo("OUT_OF_SERVICE");
  }

  @Test
  void readinessIsUpOnceStartedAndNamesWhatItWaitedFor() throws IOException {
    HttpResponse<String> answer = get("/actuator/health/readiness");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode health = JSON.readTree(answer.body());
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/readinessState/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/startup/status").asText()).isEqualTo("UP");
    assertThat(JSON.convertValue(health.at("/components/startup/details"), Map.class))
        .containsExactly(Map.entry("implementationGuide", "installed"), Map.entry("profileValidator", "warm"),
            Map.entry("medcomValidator", "warm"), Map.entry("demoData", "stored"));
  }

  @Test
  void livenessIsUpAndSaysNothingMore() {
    HttpResponse<String> answer = get("/actuator/health/liveness");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  private HttpResponse<String> get(String path) {
    return ask(port, path);
  }

  private static HttpResponse<String> ask(int port, String path) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A start-up step of this test only, after the IG install and right before the demo data is stored. */
  @TestConfiguration(proxyBeanMethods = false)
  static class AskingBeforeTheDemoData {

    volatile HttpResponse<String> readiness;

    @Order(DemoData.ORDER - 1)
    @EventListener(ApplicationReadyEvent.class)
    void ask(ApplicationReadyEvent event) {
      int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
      readiness = GatewayStartingUpTest.ask(port, "/actuator/health/readiness");
    }
  }
}
