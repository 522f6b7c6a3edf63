package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each client may only do what its SMART scopes cover; anything else is 403 naming the scope it lacks (SEC-002). */
class ClientOutsideItsScopesTest extends GatewayIntegrationTest {

  private static final String TASK =
      "{\"resourceType\":\"Task\",\"status\":\"requested\",\"intent\":\"order\"}";

  @Test
  void aMunicipalitySearchesAndReadsItsTasks() {
    assertThat(sendAs("holbaek-jobcenter", "GET", "/Task?status=requested", null).statusCode()).isEqualTo(200);
    assertThat(sendAs("holbaek-jobcenter", "GET", "/Task/task-1", null).statusCode()).isEqualTo(200);
  }

  @Test
  void theClinicSearchesItsWorkList() {
    HttpResponse<String> response =
        sendAs("kf-sjaelland-ehr", "GET", "/Task?owner=Organization/kf-region-sjaelland", null);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void aGpReadsCopiesThroughTheGenericClient() {
    assertThat(fhirAs("gp-nordvej").search().forResource("Communication").execute()).isNotNull();
  }

  @Test
  void resourcesASearchBringsAlongAreLeftOutWhenTheirTypeIsOutOfScope() {
    String search = "Patient?_revinclude=Task:patient&_count=100";

    assertThat(types(fhir.search().byUrl(search).returnBundle(Bundle.class).execute())).contains("Patient", "Task");
    // which Patients the GP sees is tenant isolation's (those of the copies addressed to it); Tasks never, by scope
    assertThat(types(fhirAs("gp-nordvej").search().byUrl(search).returnBundle(Bundle.class).execute()))
        .doesNotContain("Task");
  }

  @Nested
  class Refusals {

    @Test
    void aGpMayNotCreateATask() {
      assertForbidden(sendAs("gp-nordvej", "POST", "/Task", TASK), "requires system/Task.c");
    }

    @Test
    void aMunicipalityMayNotDeleteATaskAndTheTaskStays() {
      assertForbidden(sendAs("holbaek-jobcenter", "DELETE", "/Task/task-1", null), "requires system/Task.d");
      assertThat(fhir.read().resource(Task.class).withId("task-1").execute()).isNotNull();
    }

    @Test
    void theAdministratorDoesNoCaseWork() {
      assertForbidden(sendAs("gateway-admin", "GET", "/Task", null), "requires system/Task.s");
    }

    @Test
    void aGpMayNotUpdateAPatient() {
      assertForbidden(
          sendAs("gp-strandvej", "PUT", "/Patient/p-x", "{\"resourceType\":\"Patient\",\"id\":\"p-x\"}"),
          "requires system/Patient.u");
    }

    @Test
    void aTransactionIsRefusedForTheOneEntryNotCovered() {
      String bundle =
          "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
              + "{\"request\":{\"method\":\"GET\",\"url\":\"Communication?_count=1\"}},"
              + "{\"fullUrl\":\"urn:uuid:2f1c8a4e-0c55-4d0e-9d43-3d1f3f6f0b11\",\"resource\":" + TASK + ","
              + "\"request\":{\"method\":\"POST\",\"url\":\"Task\"}}]}";

      HttpResponse<String> response = sendAs("gp-nordvej", "POST", "", bundle);

      assertForbidden(response, "requires system/Task.c");
      assertThat(response.body()).doesNotContain("system/Communication");
    }

    @Test
    void anOperationCalledWithPostCountsAsCreate() {
      assertForbidden(
          sendAs("gp-nordvej", "POST", "/Patient/$validate", "{\"resourceType\":\"Patient\"}"),
          "requires system/Patient.c");
    }

    @Test
    void aSystemWideSearchNeedsAWildcardScope() {
      assertForbidden(sendAs("kf-sjaelland-ehr", "GET", "/_history", null), "requires system/*.s");
    }
  }

  private static List<String> types(Bundle bundle) {
    return bundle.getEntry().stream().map(e -> e.getResource().fhirType()).toList();
  }

  private static void assertForbidden(HttpResponse<String> response, String requires) {
    assertThat(response.statusCode()).isEqualTo(403);
    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).startsWith("[SEC-002]").contains(requires);
  }
}
