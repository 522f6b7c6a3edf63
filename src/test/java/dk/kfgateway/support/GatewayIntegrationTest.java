package dk.kfgateway.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the whole gateway on a random port over this run's database (H2 file or
 * PostgreSQL, see {@link TestDatabase}), reached only through HTTP with HAPI's generic client or plain HTTP.
 */
@Tag("integration")
@ExtendWith(DatabaseAvailable.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"gateway.demo.enabled=true"})
public abstract class GatewayIntegrationTest {

  protected static final FhirContext FHIR = FhirContext.forR4Cached();

  static {
    FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
  }

  @LocalServerPort protected int port;
  protected IGenericClient fhir;
  protected final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.current().register(registry);
  }

  @BeforeEach
  void connect() {
    fhir = FHIR.newRestfulGenericClient(baseUrl());
  }

  protected String baseUrl() {
    return "http://127.0.0.1:" + port + "/fhir";
  }

  /** A plain HTTP call, for what the generic client hides (status codes, raw bodies, headers). */
  protected HttpResponse<String> send(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "application/fhir+json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/fhir+json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
