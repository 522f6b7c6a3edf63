package dk.kfgateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An operation on an id the gateway does not know is the client's mistake: 404, worded exactly as a read of that id
 * is answered (so nothing tells it apart from a resource kept from the caller), never a 500.
 */
class ClientCallingAnOperationOnAnUnknownIdTest extends GatewayIntegrationTest {

  @ParameterizedTest(name = "{0} {1}/<unknown>/{2}")
  @CsvSource({
    "kf-sjaelland-ehr, POST, Task, $authorize-lookup",
    "kf-sjaelland-ehr, GET, Task, $authorize-lookup",
    "kf-sjaelland-secretariat, POST, Task, $authorize-lookup",
    "holbaek-jobcenter, POST, Task, $follow-gp-recommendation",
    "kf-sjaelland-secretariat, POST, Communication, $retry-delivery"
  })
  void isAnsweredAsAReadOfThatId(String client, String method, String type, String operation) {
    String unknown = type + "/unknown-" + UUID.randomUUID().toString().substring(0, 8);

    HttpResponse<String> called = sendAs(client, method, "/" + unknown + "/" + operation, null);
    HttpResponse<String> read = sendAs(client, "GET", "/" + unknown, null);

    assertThat(read.statusCode()).isEqualTo(404);
    assertThat(called.statusCode()).as(called.body()).isEqualTo(404);
    assertThat(diagnostics(called)).isEqualTo(diagnostics(read)).contains(unknown + " is not known");
  }

  private static String diagnostics(HttpResponse<String> response) {
    return FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body()).getIssueFirstRep()
        .getDiagnostics();
  }
}
