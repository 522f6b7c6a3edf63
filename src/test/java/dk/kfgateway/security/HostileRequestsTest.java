package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Requests made to hurt: bodies larger than a case can be are refused with 413 before they are parsed, with a
 * declared length or streamed in chunks; XML with external entities never reads a file (XML is refused, 415, before
 * it is parsed).
 */
@TestPropertySource(properties = "gateway.security.max-request-size=1MB")
class HostileRequestsTest extends GatewayIntegrationTest {

  @Test
  void aBodyAboveTheLimitIsRefusedWith413() throws Exception {
    HttpResponse<String> response = http.send(post(HttpRequest.BodyPublishers.ofString(oneAndAHalfMegabytes())),
        HttpResponse.BodyHandlers.ofString());

    assertTooLarge(response);
  }

  @Test
  void aChunkedBodyAboveTheLimitIsRefusedWith413Too() throws Exception {
    byte[] body = oneAndAHalfMegabytes().getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response = http.send(
        post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))),
        HttpResponse.BodyHandlers.ofString());

    assertTooLarge(response);
  }

  @Test
  void aChunkedBodyWithinTheLimitIsServedAsUsual() throws Exception {
    byte[] body = "{\"resourceType\":\"Bundle\",\"type\":\"batch\"}".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response = http.send(
        post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void xmlWithAnExternalEntityNeverReadsTheFile() throws Exception {
    Path secret = Files.createTempFile("kf-secret", ".txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Patient [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
        + "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&xxe;\"/></name></Patient>";
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/Patient/$validate"))
        .header("Authorization", "Bearer " + tokens.of(TEST_CLIENT))
        .header("Content-Type", "application/fhir+xml").header("Accept", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofString(xml)).build();

    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.body()).doesNotContain("TOP-SECRET-CONTENT");
    assertThat(response.statusCode()).as("XML is refused before it is parsed").isEqualTo(415);
  }

  private HttpRequest post(HttpRequest.BodyPublisher body) {
    return HttpRequest.newBuilder(URI.create(baseUrl()))
        .header("Authorization", "Bearer " + tokens.of(TEST_CLIENT))
        .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
        .POST(body).build();
  }

  private static String oneAndAHalfMegabytes() {
    return "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"id\":\"" + "x".repeat(1536 * 1024) + "\"}";
  }

  private static void assertTooLarge(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(413);
    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).startsWith("[SEC-007]").contains("75 pages");
  }
}
