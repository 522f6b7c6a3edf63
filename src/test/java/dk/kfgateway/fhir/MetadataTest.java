package dk.kfgateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CanonicalType;
import org.junit.jupiter.api.Test;

class MetadataTest extends GatewayIntegrationTest {

  private static final String BASE = "http://kf-gateway.dk/fhir/StructureDefinition/";

  @Test
  void capabilityStatementListsTheGatewayProfilesOfEachType() {
    CapabilityStatement cs = fhir.capabilities().ofType(CapabilityStatement.class).execute();

    assertThat(supportedProfiles(cs, "Patient")).contains(BASE + "kf-patient");
    assertThat(supportedProfiles(cs, "ServiceRequest")).contains(BASE + "kf-referral");
    assertThat(supportedProfiles(cs, "Task")).contains(BASE + "kf-task");
    assertThat(supportedProfiles(cs, "Consent")).contains(BASE + "kf-consent");
    assertThat(supportedProfiles(cs, "DocumentReference")).contains(BASE + "kf-documentreference");
    assertThat(supportedProfiles(cs, "Communication")).contains(BASE + "kf-communication");
  }

  @Test
  void onlyTheGatewaysResourceTypesAreServed() {
    CapabilityStatement cs = fhir.capabilities().ofType(CapabilityStatement.class).execute();
    List<String> types = cs.getRestFirstRep().getResource().stream().map(r -> r.getType()).toList();

    assertThat(types)
        .contains("Patient", "Task", "ServiceRequest", "Consent", "DocumentReference", "Binary", "Communication",
            "Subscription", "AuditEvent", "Provenance", "SearchParameter")
        .doesNotContain("Observation", "Encounter", "MedicationRequest");
    assertThat(send("GET", "/Observation", null).statusCode()).isEqualTo(404);
  }

  @Test
  void theTaskDueDateSearchParameterIsActive() {
    CapabilityStatement cs = fhir.capabilities().ofType(CapabilityStatement.class).execute();
    CapabilityStatementRestResourceComponent task = resource(cs, "Task");

    assertThat(task.getSearchParam()).extracting(p -> p.getName()).contains("due");
  }

  private static List<String> supportedProfiles(CapabilityStatement cs, String type) {
    return resource(cs, type).getSupportedProfile().stream().map(CanonicalType::getValue).toList();
  }

  private static CapabilityStatementRestResourceComponent resource(CapabilityStatement cs, String type) {
    return cs.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals(type)).findFirst().orElseThrow();
  }
}
