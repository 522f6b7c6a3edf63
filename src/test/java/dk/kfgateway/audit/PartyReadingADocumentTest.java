package dk.kfgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.ReferralFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A read that releases a case document is recorded with what it released: the document and its citizen, however the
 * document was read (alone, by a search inside a batch, or by a conditional read the client's copy still matches).
 */
class PartyReadingADocumentTest extends GatewayIntegrationTest {

  private static final String CLINIC = "kf-sjaelland-ehr";

  private String citizen;
  private List<String> documents;

  @BeforeEach
  void holbaeksCase() {
    Bundle stored = fhirAs("holbaek-jobcenter").transaction()
        .withBundle(ReferralFixture.referral("le275-certificate").bundle()).execute();
    List<String> locations = stored.getEntry().stream()
        .map(e -> e.getResponse().getLocation().replaceFirst("/_history/.*", "")).toList();
    citizen = locations.stream().filter(l -> l.startsWith("Patient/")).findFirst().orElseThrow();
    documents = locations.stream().filter(l -> l.startsWith("DocumentReference/")).toList();
  }

  @Test
  void aReadRecordsTheDocumentAndItsCitizen() {
    Instant before = Instant.now().minusSeconds(1);

    assertThat(sendAs(CLINIC, "GET", "/" + documents.get(0), null).statusCode()).isEqualTo(200);

    AuditEvent record = onlyRecord(before);
    assertThat(record.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
    assertThat(entities(record)).containsExactly(citizen, documents.get(0));
  }

  @Test
  void aConditionalReadAnsweredNotModifiedIsRecordedAsARead() throws Exception {
    Instant before = Instant.now().minusSeconds(1);

    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/" + documents.get(0)))
        .header("Authorization", "Bearer " + tokens.of(CLINIC)).header("If-None-Match", "W/\"1\"").GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(304);
    AuditEvent record = onlyRecord(before);
    assertThat(record.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
    assertThat(record.getSubtypeFirstRep().getCode()).isEqualTo("read");
    assertThat(entities(record)).contains(documents.get(0));
  }

  /**
   * The one record of a request of the clinic about this case's first document since then (the consent decisions have
   * records of their own).
   */
  private AuditEvent onlyRecord(Instant since) {
    HttpResponse<String> response = send("GET", "/AuditEvent?agent-name=" + CLINIC + "&entity=" + documents.get(0)
        + "&date=ge" + since.toString().replace("+", "%2B") + "&_count=50", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<AuditEvent> records = FHIR.newJsonParser().parseResource(Bundle.class, response.body()).getEntry().stream()
        .map(e -> (AuditEvent) e.getResource())
        .filter(e -> AuditEvents.RESTFUL_INTERACTION.equals(e.getSubtypeFirstRep().getSystem())).toList();
    assertThat(records).as("records of requests").hasSize(1);
    return records.get(0);
  }

  private static List<String> entities(AuditEvent record) {
    return record.getEntity().stream().map(e -> e.getWhat().getReference()).toList();
  }
}
