package dk.kfgateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.MethodOutcome;
import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.IgExamples;
import java.util.Arrays;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The basic write and read paths of the FHIR API over every profile, the same on H2 and on PostgreSQL. */
class WriteReadTest extends GatewayIntegrationTest {

  private IgExamples examples;

  @BeforeEach
  void storeExamples() {
    examples = IgExamples.fresh();
    Bundle response = fhir.transaction().withBundle(examples.asTransaction()).execute();
    assertThat(response.getEntry()).allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
  }

  @Test
  void everyExampleReadsBackAsWritten() {
    for (Resource written : examples.all()) {
      Resource read = fhir.read().resource(written.getClass()).withId(written.getIdElement().getIdPart()).execute();

      Resource expected = written.copy();
      expected.setMeta(null);
      read.setMeta(null);
      read.setIdElement(read.getIdElement().toUnqualifiedVersionless());
      expected.setIdElement(expected.getIdElement().toUnqualifiedVersionless());
      assertThat(read.equalsDeep(expected)).as(written.fhirType() + " reads back as written").isTrue();
    }
  }

  @Test
  void storedResourcesDeclareTheirGatewayProfile() {
    Patient patient = fhir.read().resource(Patient.class).withId(examples.id("citizen-example")).execute();

    assertThat(patient.getMeta().getProfile()).extracting(p -> p.getValue())
        .contains("http://kf-gateway.dk/fhir/StructureDefinition/kf-patient");
  }

  @Test
  void searchesByCprReferenceAndDueDate() {
    Patient patient = examples.get(Patient.class, "citizen-example");
    String cpr = patient.getIdentifierFirstRep().getValue();

    assertThat(ids("Patient?identifier=urn:oid:1.2.208.176.1.2|" + cpr)).containsExactly(examples.id("citizen-example"));
    assertThat(ids("DocumentReference?related=ServiceRequest/" + examples.id("le275-referral")))
        .hasSize(4)
        .contains(examples.id("doc-le265"), examples.id("doc-epicrisis"));
    assertThat(ids("Task?focus=ServiceRequest/" + examples.id("le275-referral") + "&due=lt2026-01-01"))
        .containsExactly(examples.id("le275-task"));
    assertThat(ids("Communication?recipient=Organization/" + examples.id("gp-clinic-testvej")))
        .containsExactly(examples.id("gp-copy-le275"));
  }

  @Test
  void anUpdateMakesANewVersionAndHistoryKeepsTheOldOne() {
    Patient patient = fhir.read().resource(Patient.class).withId(examples.id("citizen-example")).execute();
    patient.getNameFirstRep().setFamily("Nytnavn");

    MethodOutcome outcome = fhir.update().resource(patient).execute();

    assertThat(outcome.getId().getVersionIdPart()).isEqualTo("2");
    Patient first = fhir.read().resource(Patient.class).withId(patient.getIdElement().withVersion("1")).execute();
    assertThat(first.getNameFirstRep().getFamily()).isEqualTo("Testesen");
    Bundle history = fhir.history().onInstance(patient.getIdElement().toVersionless()).returnBundle(Bundle.class).execute();
    assertThat(history.getEntry()).hasSize(2);
  }

  @Test
  void aConditionalCreateByCprNeverDuplicatesACitizen() {
    Patient patient = new Patient();
    String cpr = IgExamples.fictionalCpr();
    patient.addIdentifier().setSystem("urn:oid:1.2.208.176.1.2").setValue(cpr);
    patient.addName().setFamily("Betinget");
    String condition = "identifier=urn:oid:1.2.208.176.1.2|" + cpr;

    MethodOutcome first = fhir.create().resource(patient).conditionalByUrl("Patient?" + condition).execute();
    MethodOutcome second = fhir.create().resource(patient).conditionalByUrl("Patient?" + condition).execute();

    assertThat(second.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
    assertThat(ids("Patient?" + condition)).hasSize(1);
  }

  @Test
  void aBinaryPdfRoundTripsByteForByte() {
    DocumentReference doc = examples.get(DocumentReference.class, "doc-le265");
    byte[] pdf = doc.getContentFirstRep().getAttachment().getData();
    Binary binary = new Binary().setContentType("application/pdf").setData(pdf);

    String id = fhir.create().resource(binary).execute().getId().getIdPart();

    Binary read = fhir.read().resource(Binary.class).withId(id).execute();
    assertThat(Arrays.equals(read.getData(), pdf)).isTrue();
  }

  private java.util.List<String> ids(String query) {
    return fhir.search().byUrl(query).returnBundle(Bundle.class).execute().getEntry().stream()
        .map(e -> e.getResource().getIdElement().getIdPart())
        .toList();
  }
}
