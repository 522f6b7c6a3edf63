package dk.kfgateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

/**
 * Writes that do not conform to the gateway's profiles are refused with an OperationOutcome naming the element, and
 * nothing of them is stored (issue: validation on write).
 */
class ProfileValidationOnWriteTest extends GatewayIntegrationTest {

  @Test
  void aPatientWithoutCprIsRefusedAndNotStored() {
    String family = "UdenCpr" + UUID.randomUUID().toString().substring(0, 8);
    Patient patient = new Patient();
    patient.addName().setFamily(family).addGiven("Test");

    HttpResponse<String> response = send("POST", "/Patient", FHIR.newJsonParser().encodeResourceToString(patient));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(diagnostics(response)).contains("Patient.identifier").contains("IG-001");
    assertThat(count("Patient?family=" + family)).isZero();
  }

  @Test
  void aPatientWithAMalformedCprIsRefused() {
    Patient patient = new Patient();
    patient.addName().setFamily("Forkert").addGiven("Cpr");
    patient.addIdentifier().setSystem("urn:oid:1.2.208.176.1.2").setValue("12345");

    HttpResponse<String> response = send("POST", "/Patient", FHIR.newJsonParser().encodeResourceToString(patient));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(diagnostics(response)).contains("kf-cpr-format");
  }

  @Test
  void aServiceRequestWithAnUnknownServiceCodeIsRefused() {
    ServiceRequest referral = FHIR.newJsonParser().parseResource(ServiceRequest.class, demo("ServiceRequest", "referral-1"));
    referral.setId((String) null);
    referral.getCode().getCodingFirstRep().setCode("no-such-service");

    HttpResponse<String> response =
        send("POST", "/ServiceRequest", FHIR.newJsonParser().encodeResourceToString(referral));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(diagnostics(response)).contains("ServiceRequest.code").contains("no-such-service");
  }

  @Test
  void aDocumentWithoutAuthorOrDateIsRefusedNamingBoth() {
    DocumentReference document =
        FHIR.newJsonParser().parseResource(DocumentReference.class, demo("DocumentReference", "referral-1-doc-1"));
    document.setId((String) null);
    document.getAuthor().clear();
    document.setDate(null);

    HttpResponse<String> response =
        send("POST", "/DocumentReference", FHIR.newJsonParser().encodeResourceToString(document));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(diagnostics(response)).contains("DocumentReference.author").contains("DocumentReference.date");
  }

  @Test
  void aTransactionWithOneInvalidResourceStoresNothing() {
    String family = "Halv" + UUID.randomUUID().toString().substring(0, 8);
    Patient good = new Patient();
    good.addName().setFamily(family);
    good.addIdentifier().setSystem("urn:oid:1.2.208.176.1.2").setValue("0101304999");
    Patient bad = new Patient();
    bad.addName().setFamily(family);
    Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    tx.addEntry().setResource(good).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
    tx.addEntry().setResource(bad).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");

    HttpResponse<String> response = send("POST", "", FHIR.newJsonParser().encodeResourceToString(tx));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(count("Patient?family=" + family)).isZero();
  }

  private String demo(String type, String id) {
    return send("GET", "/" + type + "/" + id, null).body();
  }

  private int count(String query) {
    return fhir.search().byUrl(query).returnBundle(Bundle.class).execute().getEntry().size();
  }

  private static String diagnostics(HttpResponse<String> response) {
    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    return outcome.getIssue().stream().map(i -> i.getDiagnostics()).reduce("", (a, b) -> a + "\n" + b);
  }
}
