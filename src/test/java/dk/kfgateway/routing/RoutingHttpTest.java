package dk.kfgateway.routing;

import dk.kfgateway.support.GatewayIntegrationTest;
import java.util.List;
import org.hl7.fhir.r4.model.Communication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway with the demo GP clinic Nordvej's system at a {@link GpReceiver} on 127.0.0.1, and a dispatcher paced
 * for tests (short interval and back-off, three attempts before a dead letter, two seconds for an acknowledgement
 * posted later). All routing HTTP tests share it. Other
 * test contexts of the run share the database and may deliver a copy too: to the endpoint fixed in its outbox row.
 */
abstract class RoutingHttpTest extends GatewayIntegrationTest {

  static final GpReceiver NORDVEJ = new GpReceiver();

  static final String SERVICES = "http://kf-gateway.dk/fhir/CodeSystem/kf-services";

  /** How long the GP system may take to post its acknowledgement before the message is sent again. */
  static final String ACKNOWLEDGEMENT_TIMEOUT = "2s";

  protected Cases cases;

  @DynamicPropertySource
  static void gpSystem(DynamicPropertyRegistry registry) {
    registry.add("gateway.routing.endpoints.gp-clinic-nordvej", NORDVEJ::endpoint);
    registry.add("gateway.routing.interval", () -> "200ms");
    registry.add("gateway.routing.initial-backoff", () -> "200ms");
    registry.add("gateway.routing.max-backoff", () -> "1s");
    registry.add("gateway.routing.max-attempts", () -> "3");
    registry.add("gateway.routing.timeout", () -> "5s");
    registry.add("gateway.routing.acknowledgement-timeout", () -> ACKNOWLEDGEMENT_TIMEOUT);
  }

  @BeforeEach
  void routingCases() {
    cases = new Cases(baseUrl(), tokens);
  }

  static List<String> categories(List<Communication> copies) {
    return copies.stream().map(c -> c.getCategoryFirstRep().getCodingFirstRep().getCode()).sorted().toList();
  }

  static Communication only(List<Communication> copies, String category) {
    List<Communication> found = copies.stream()
        .filter(c -> category.equals(c.getCategoryFirstRep().getCodingFirstRep().getCode())).toList();
    if (found.size() != 1) {
      throw new AssertionError("Expected one " + category + " among " + categories(copies));
    }
    return found.get(0);
  }
}
