package dk.kfgateway.security.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.junit.jupiter.api.Test;

/** {@code GET /fhir/metadata} announces what the allow-list allows (SEC-008), from the same declaration. */
class MetadataFromTheAllowListTest extends GatewayIntegrationTest {

  @Test
  void withoutATokenItAnnouncesWhatAnyRoleMayDoAndNothingMore() {
    CapabilityStatement.CapabilityStatementRestComponent rest = metadata(null).getRestFirstRep();

    assertThat(rest.getInteraction()).extracting(i -> i.getCode().toCode()).containsExactly("transaction");
    assertThat(rest.getOperation()).as("on the system: only the GP systems' acknowledgements")
        .extracting(o -> o.getName()).containsExactly("process-message");
    CapabilityStatementRestResourceComponent task = resource(rest, "Task");
    assertThat(task.getInteraction()).extracting(i -> i.getCode().toCode())
        .containsExactlyInAnyOrder("read", "vread", "search-type", "create", "update");
    assertThat(task.getSearchParam()).extracting(p -> p.getName()).contains("due", "owner").doesNotContain("_has",
        "authored-on");
    assertThat(task.getSearchInclude()).extracting(i -> i.getValue()).containsExactlyInAnyOrder("Task:focus",
        "Task:patient");
    assertThat(task.getConditionalCreate()).isFalse();
    assertThat(task.getDocumentation()).contains("SEC-008", "CLINIC read, vread, search, update");
    assertThat(resource(rest, "Patient").getConditionalCreate()).isTrue();
  }

  @Test
  void withATokenItAnnouncesWhatTheCallersRoleMayDo() {
    List<String> types = metadata(tokens.of("gp-nordvej")).getRestFirstRep().getResource().stream()
        .map(CapabilityStatementRestResourceComponent::getType).toList();

    assertThat(types).contains("Communication", "Binary", "Patient").doesNotContain("Task", "ServiceRequest",
        "AuditEvent", "Subscription");
    assertThat(metadata(tokens.of("gp-nordvej")).getRestFirstRep().getInteraction()).isEmpty();
    assertThat(metadata(tokens.of("gp-nordvej")).getRestFirstRep().getOperation()).extracting(o -> o.getName())
        .containsExactly("process-message");
    assertThat(metadata(tokens.of("holbaek-jobcenter")).getRestFirstRep().getOperation()).isEmpty();
  }

  private CapabilityStatement metadata(String token) {
    HttpResponse<String> answer = sendWithToken(token, "GET", "/metadata", null);
    assertThat(answer.statusCode()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(CapabilityStatement.class, answer.body());
  }

  private static CapabilityStatementRestResourceComponent resource(
      CapabilityStatement.CapabilityStatementRestComponent rest, String type) {
    return rest.getResource().stream().filter(r -> r.getType().equals(type)).findFirst().orElseThrow();
  }
}
