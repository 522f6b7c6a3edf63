package dk.kfgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.ReferralFixture;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Every access to citizen data leaves one AuditEvent (who, organisation, role, citizen, what, when, outcome), which the
 * administrator searches and nobody can change or delete through the API.
 */
class AuditTrailOverHttpTest extends GatewayIntegrationTest {

  @Test
  void aReferralTransactionLeavesOneRecordListingEverythingWritten() {
    ReferralFixture referral = ReferralFixture.referral("le275-certificate");
    Instant before = Instant.now().minusSeconds(1);

    Bundle response = fhirAs("holbaek-jobcenter").transaction().withBundle(referral.bundle()).execute();

    String patient = location(response, "Patient");
    List<AuditEvent> records = search("patient=" + patient + "&agent-name=holbaek-jobcenter&subtype=transaction&date=ge" + before);
    assertThat(records).hasSize(1);
    AuditEvent record = records.get(0);
    assertThat(record.getSubtypeFirstRep().getCode()).isEqualTo("transaction");
    assertThat(record.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
    assertThat(record.getAgentFirstRep().getWho().getReference()).isEqualTo("PractitionerRole/caseworker-holbaek");
    assertThat(record.getAgentFirstRep().getRoleFirstRep().getCodingFirstRep().getCode()).isEqualTo("MUNICIPALITY");
    assertThat(record.getEntity()).extracting(e -> e.getWhat().getReference())
        .contains(patient, location(response, "Task"), location(response, "ServiceRequest"),
            location(response, "Consent"));
  }

  @Test
  void aReadLeavesOneRecordAndARefusedReadADenial() {
    Instant before = Instant.now().minusSeconds(1);

    assertThat(sendAs("holbaek-jobcenter", "GET", "/Task/task-1", null).statusCode()).isEqualTo(200);
    assertThat(sendAs("kalundborg-jobcenter", "GET", "/Task/task-1", null).statusCode()).isEqualTo(404);

    List<AuditEvent> reads = search("entity=Task/task-1&date=ge" + before + "&subtype=read");
    assertThat(reads).extracting(e -> e.getAgentFirstRep().getName() + " " + e.getOutcome().toCode())
        .contains("holbaek-jobcenter 0", "kalundborg-jobcenter 4");
    assertThat(search("outcome=4&agent-name=kalundborg-jobcenter&patient=Patient/citizen-karen&date=ge" + before))
        .isNotEmpty();
  }

  @Test
  void theAdministratorSearchesTheTrailButSeesNoCaseData() {
    HttpResponse<String> trail = sendAs("gateway-admin", "GET", "/AuditEvent?patient=Patient/citizen-karen", null);
    assertThat(trail.statusCode()).isEqualTo(200);

    HttpResponse<String> task = sendAs("gateway-admin", "GET", "/Task/task-1", null);
    assertThat(task.statusCode()).isIn(403, 404);
  }

  @Test
  void nobodyWritesChangesOrDeletesTheTrailThroughTheApi() {
    AuditEvent forged = new AuditEvent().setRecorded(new java.util.Date())
        .setAction(AuditEvent.AuditEventAction.R).setOutcome(AuditEvent.AuditEventOutcome._0);
    forged.getType().setSystem("http://terminology.hl7.org/CodeSystem/audit-event-type").setCode("rest");
    forged.addAgent().setRequestor(true).setWho(new Reference("Organization/municipality-holbaek"));
    forged.getSource().setObserver(new Reference().setDisplay("forger"));
    assertRefused(send("POST", "/AuditEvent", FHIR.newJsonParser().encodeResourceToString(forged)));

    AuditEvent existing = search("agent-name=holbaek-jobcenter").get(0);
    existing.setOutcome(AuditEvent.AuditEventOutcome._4);
    assertRefused(send("PUT", "/AuditEvent/" + existing.getIdPart(),
        FHIR.newJsonParser().encodeResourceToString(existing)));
    assertRefused(send("DELETE", "/AuditEvent/" + existing.getIdPart(), null));
    assertRefused(send("DELETE", "/AuditEvent?_id=" + existing.getIdPart(), null));
  }

  private static void assertRefused(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo("AUD-001");
  }

  private List<AuditEvent> search(String query) {
    HttpResponse<String> response = send("GET", "/AuditEvent?" + query.replace("+", "%2B") + "&_count=200", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body()).getEntry().stream()
        .map(e -> (AuditEvent) e.getResource()).toList();
  }

  private static String location(Bundle response, String type) {
    return response.getEntry().stream().map(e -> e.getResponse().getLocation()).filter(l -> l.startsWith(type + "/"))
        .findFirst().map(l -> l.split("/")[0] + "/" + l.split("/")[1]).orElseThrow();
  }
}
