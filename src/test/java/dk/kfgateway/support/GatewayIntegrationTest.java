package dk.kfgateway.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the whole gateway on a random port over this run's database (H2 file or
 * PostgreSQL, see {@link TestDatabase}), reached only through HTTP with HAPI's generic client or plain HTTP.
 *
 * <p>Calls carry a real bearer token from the gateway's token endpoint ({@link Tokens}): {@link #fhir} and {@link
 * #send} those of a test-only client with every scope ({@value #TEST_CLIENT}), {@link #fhirAs} and {@link #sendAs}
 * those of a demo client (application.yaml), for tests of what a role may do.
 */
@Tag("integration")
@ExtendWith(DatabaseAvailable.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "gateway.demo.enabled=true",
      // Several test contexts live at once; PostgreSQL allows 100 connections in all.
      "spring.datasource.hikari.maximum-pool-size=8",
      "spring.datasource.hikari.minimum-idle=1",
      "gateway.security.clients." + GatewayIntegrationTest.TEST_CLIENT + ".secret={noop}test-secret",
      "gateway.security.clients." + GatewayIntegrationTest.TEST_CLIENT + ".role=ADMINISTRATOR",
      "gateway.security.clients." + GatewayIntegrationTest.TEST_CLIENT + ".organization=Organization/kf-test",
      "gateway.security.clients." + GatewayIntegrationTest.TEST_CLIENT + ".scopes=system/*.cruds",
      // The test client sets up and inspects every party's data: exempt from tenant isolation (still audited).
      "gateway.security.unrestricted-clients=" + GatewayIntegrationTest.TEST_CLIENT + ","
          + GatewayIntegrationTest.OTHER_MUNICIPALITY_TOOL,
      // A municipality's migration tool exempt like it, for the workflow's own check behind tenant isolation (WF-013).
      "gateway.security.clients." + GatewayIntegrationTest.OTHER_MUNICIPALITY_TOOL + ".secret={noop}tool-secret",
      "gateway.security.clients." + GatewayIntegrationTest.OTHER_MUNICIPALITY_TOOL + ".role=MUNICIPALITY",
      "gateway.security.clients." + GatewayIntegrationTest.OTHER_MUNICIPALITY_TOOL
          + ".organization=Organization/municipality-kalundborg",
      // Another region's Klinisk Funktion, for the tests of who may act on whose cases.
      "gateway.security.clients." + GatewayIntegrationTest.OTHER_CLINIC + ".secret={noop}other-clinic-secret",
      "gateway.security.clients." + GatewayIntegrationTest.OTHER_CLINIC + ".role=CLINIC",
      "gateway.security.clients." + GatewayIntegrationTest.OTHER_CLINIC + ".organization=Organization/kf-region-midtjylland",
      // And its secretariat, for who issues the invoices of the agreements of a region (SET-014).
      "gateway.security.clients." + GatewayIntegrationTest.OTHER_SECRETARIAT + ".secret={noop}other-secretariat-secret",
      "gateway.security.clients." + GatewayIntegrationTest.OTHER_SECRETARIAT + ".role=SECRETARIAT",
      "gateway.security.clients." + GatewayIntegrationTest.OTHER_SECRETARIAT
          + ".organization=Organization/kf-region-midtjylland",
      // Rest-hook endpoints for the tests' subscriptions: besides the demo's example, a local port nothing listens on.
      "gateway.security.clients.kf-sjaelland-ehr.endpoints=https://ehr.regionsjaelland.example/fhir-notify,"
          + GatewayIntegrationTest.NOBODY_LISTENING,
      "gateway.security.clients.holbaek-jobcenter.endpoints=https://sag.holbaek.example/kf-notify/*,"
          + GatewayIntegrationTest.NOBODY_LISTENING,
      // Every test calls from 127.0.0.1: the tests of failed authentications at the token endpoint must not lock the
      // address out for all the others (ClientGuessingItsSecretTest has a context of its own).
      "gateway.security.authorization-server.lockout.max-failures-per-address=1000",
      // One pace of the GP dispatcher in every test context: the contexts of a run share the database, and a node
      // judges a copy it claims (attempts left, acknowledgement overdue) by its own configuration, whichever node
      // wrote it. Paced apart, one context's rows could be sent again by another and then wait its 15 minutes.
      "gateway.routing.interval=200ms",
      "gateway.routing.initial-backoff=200ms",
      "gateway.routing.max-backoff=1s",
      "gateway.routing.max-attempts=3",
      "gateway.routing.timeout=5s",
      "gateway.routing.acknowledgement-timeout=" + GatewayIntegrationTest.ACKNOWLEDGEMENT_TIMEOUT
    })
public abstract class GatewayIntegrationTest {

  /** How long a GP system may take to post its acknowledgement before the message is sent again (all contexts). */
  protected static final String ACKNOWLEDGEMENT_TIMEOUT = "2s";

  /** A test-only client with every scope; not in the demo configuration. */
  protected static final String TEST_CLIENT = "test-all-scopes";

  /** A rest-hook endpoint registered for the clinic's EHR and Holbæk in the tests: a local port nobody listens on. */
  protected static final String NOBODY_LISTENING = "http://127.0.0.1:9/notify";

  /** A test-only client of another region's Klinisk Funktion. */
  protected static final String OTHER_CLINIC = "kf-midtjylland-ehr";

  /** A test-only client of that region's secretariat. */
  protected static final String OTHER_SECRETARIAT = "kf-midtjylland-secretariat";

  /** A test-only migration tool of Kalundborg's, exempt from tenant isolation and the allow-list. */
  protected static final String OTHER_MUNICIPALITY_TOOL = "kalundborg-migration-tool";

  protected static final FhirContext FHIR = FhirContext.forR4Cached();

  static {
    FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
  }

  @LocalServerPort protected int port;
  protected IGenericClient fhir;
  protected final HttpClient http = HttpClient.newHttpClient();
  protected Tokens tokens;
  @Autowired private Environment environment;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.current().register(registry);
  }

  @BeforeEach
  void connect() {
    tokens = new Tokens("http://127.0.0.1:" + port + "/oauth2/token", this::secretOf);
    fhir = fhirAs(TEST_CLIENT);
  }

  /** HAPI's generic client acting as this client: each call carries a current token of it. */
  protected IGenericClient fhirAs(String clientId) {
    IGenericClient client = FHIR.newRestfulGenericClient(baseUrl());
    client.registerInterceptor(
        new IClientInterceptor() {
          @Override
          public void interceptRequest(IHttpRequest request) {
            request.addHeader("Authorization", "Bearer " + tokens.of(clientId));
          }

          @Override
          public void interceptResponse(IHttpResponse response) {}
        });
    return client;
  }

  /** The plain secret of a configured client ({@code {noop}} secrets only, as in the demo and test configuration). */
  private String secretOf(String clientId) {
    return environment.getRequiredProperty("gateway.security.clients." + clientId + ".secret").replace("{noop}", "");
  }

  protected String baseUrl() {
    return "http://127.0.0.1:" + port + "/fhir";
  }

  /** A plain HTTP call, for what the generic client hides (status codes, raw bodies, headers). */
  protected HttpResponse<String> send(String method, String path, String body) {
    return sendAs(TEST_CLIENT, method, path, body);
  }

  /** A plain HTTP call as this client. */
  protected HttpResponse<String> sendAs(String clientId, String method, String path, String body) {
    return sendWithToken(tokens.of(clientId), method, path, body);
  }

  /** A plain HTTP call with this bearer token, or none when null. */
  protected HttpResponse<String> sendWithToken(String token, String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "application/fhir+json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/fhir+json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return dk.kfgateway.support.Exchanges.send(http, request.build());
  }
}
