package dk.kfgateway.routing;

import dk.kfgateway.support.GatewayIntegrationTest;
import java.util.List;
import org.hl7.fhir.r4.model.Communication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway with the demo GP clinic Nordvej's system at a {@link GpReceiver} on 127.0.0.1, and the dispatcher paced
 * as in every test context (short interval and back-off, three attempts before a dead letter, two seconds for an
 * acknowledgement posted later; {@link GatewayIntegrationTest}). All routing HTTP tests share it. Other test contexts
 * of the run share the database and may deliver a copy too: to the endpoint fixed in its outbox row, at the same pace.
 */
abstract class RoutingHttpTest extends GatewayIntegrationTest {

  static final GpReceiver NORDVEJ = new GpReceiver();

  static final String SERVICES = "http://kf-gateway.dk/fhir/CodeSystem/kf-services";

  protected Cases cases;

  @DynamicPropertySource
  static void gpSystem(DynamicPropertyRegistry registry) {
    registry.add("gateway.routing.endpoints.gp-clinic-nordvej", NORDVEJ::endpoint);
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
