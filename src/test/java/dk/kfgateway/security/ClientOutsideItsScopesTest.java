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
  void aSearchBringingAlongResourcesOutOfScopeIsRefused() {
    String search = "Patient?_revinclude=Task:patient&_count=100";

    assertThat(types(fhir.search().byUrl(search).returnBundle(Bundle.class).execute())).contains("Patient", "Task");
    // the GP's allow-list has neither the search nor the _revinclude (SEC-008); IncludedResourcesInterceptor stays as
    // a second line for a list that would name an include of a type out of scope
    HttpResponse<String> gp = sendAs("gp-nordvej", "GET", "/" + search, null);
    assertThat(gp.statusCode()).isEqualTo(403);
    assertThat(gp.body()).contains("SEC-008");
  }

  @Nested
  class Refusals {

    @Test
    void aGpMayNotCreateATask() {
      assertNotOnTheAllowList(sendAs("gp-nordvej", "POST", "/Task", TASK), "create of Task");
    }

    @Test
    void aMunicipalityMayNotDeleteATaskAndTheTaskStays() {
      assertNotOnTheAllowList(sendAs("holbaek-jobcenter", "DELETE", "/Task/task-1", null), "delete of Task");
      assertThat(fhir.read().resource(Task.class).withId("task-1").execute()).isNotNull();
    }

    @Test
    void theAdministratorDoesNoCaseWork() {
      assertNotOnTheAllowList(sendAs("gateway-admin", "GET", "/Task", null), "search of Task");
    }

    @Test
    void aGpMayNotUpdateAPatient() {
      assertNotOnTheAllowList(
          sendAs("gp-strandvej", "PUT", "/Patient/p-x", "{\"resourceType\":\"Patient\",\"id\":\"p-x\"}"),
          "update of Patient");
    }

    @Test
    void aTransactionIsRefusedForTheOneEntryNotCovered() {
      String bundle =
          "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
              + "{\"request\":{\"method\":\"GET\",\"url\":\"Communication?_count=1\"}},"
              + "{\"fullUrl\":\"urn:uuid:2f1c8a4e-0c55-4d0e-9d43-3d1f3f6f0b11\",\"resource\":" + TASK + ","
              + "\"request\":{\"method\":\"POST\",\"url\":\"Task\"}}]}";

      HttpResponse<String> response = sendAs("gp-nordvej", "POST", "", bundle);

      assertNotOnTheAllowList(response, "a transaction is not on its list");
    }

    @Test
    void anOperationCalledWithPostCountsAsCreate() {
      assertNotOnTheAllowList(
          sendAs("gp-nordvej", "POST", "/Patient/$validate", "{\"resourceType\":\"Patient\"}"), "$validate");
    }

    @Test
    void aSystemWideSearchNeedsAWildcardScope() {
      assertNotOnTheAllowList(sendAs("kf-sjaelland-ehr", "GET", "/_history", null), "history");
    }

    /** What the role may do but the token was not asked for: the token's scopes come first (SEC-002). */
    @Test
    void aTokenAskedForFewerScopesCoversOnlyThose() throws Exception {
      HttpResponse<String> issued = tokens.exchange("holbaek-jobcenter", "holbaek-jobcenter-demo-secret",
          "system/ServiceRequest.crs");
      String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(issued.body()).get("access_token")
          .asText();

      assertForbidden(sendWithToken(token, "GET", "/Task?requester=PractitionerRole/caseworker-holbaek", null),
          "requires system/Task.s");
      assertThat(sendWithToken(token, "GET", "/ServiceRequest?requester=PractitionerRole/caseworker-holbaek", null)
          .statusCode()).isEqualTo(200);
    }
  }

  private static List<String> types(Bundle bundle) {
    return bundle.getEntry().stream().map(e -> e.getResource().fhirType()).toList();
  }

  /** Refused by the role's allow-list before the token's scopes are looked at (SEC-008). */
  private static void assertNotOnTheAllowList(HttpResponse<String> response, String what) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).startsWith("[SEC-008]").contains(what);
  }

  private static void assertForbidden(HttpResponse<String> response, String requires) {
    assertThat(response.statusCode()).isEqualTo(403);
    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).startsWith("[SEC-002]").contains(requires);
  }
}
