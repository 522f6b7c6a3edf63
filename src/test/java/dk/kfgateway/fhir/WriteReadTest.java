package dk.kfgateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.MethodOutcome;
import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.IgExamples;
import dk.kfgateway.support.Pdfs;
import dk.kfgateway.support.ReferralFixture;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The basic write and read paths of the FHIR API over every profile, the same on H2 and on PostgreSQL. */
class WriteReadTest extends GatewayIntegrationTest {

  private IgExamples examples;
  private ReferralFixture referral;
  private Bundle stored;

  @BeforeEach
  void storePartiesAndAReferral() {
    examples = IgExamples.fresh();
    Bundle parties = fhir.transaction().withBundle(examples.partiesAsTransaction()).execute();
    assertThat(parties.getEntry()).allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
    referral = ReferralFixture.referral("le275-certificate");
    stored = fhir.transaction().withBundle(referral.bundle()).execute();
  }

  @Test
  void everyPartyReadsBackAsWritten() {
    for (Resource written : examples.parties()) {
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
  void everyResourceOfAReferralIsStoredWithItsGatewayProfile() {
    assertThat(locations()).extracting(l -> l.split("/")[0])
        .contains("Patient", "ServiceRequest", "Task", "Consent", "DocumentReference");
    for (String location : locations()) {
      Resource read = (Resource) fhir.read().resource(location.split("/")[0]).withId(location.split("/")[1]).execute();
      assertThat(read.getMeta().getProfile()).as(location)
          .anyMatch(p -> p.getValue().startsWith("http://kf-gateway.dk/fhir/StructureDefinition/kf-"));
    }
  }

  @Test
  void searchesByCprReferenceAndTheCopyToTheGp() {
    String request = id("ServiceRequest");
    Communication copy = new Communication();
    copy.setStatus(Communication.CommunicationStatus.COMPLETED).setSubject(new Reference(id("Patient")))
        .addAbout(new Reference(request)).setSent(new Date())
        .addCategory(new org.hl7.fhir.r4.model.CodeableConcept(new org.hl7.fhir.r4.model.Coding(
            "http://kf-gateway.dk/fhir/CodeSystem/kf-communication-categories", "certificate-copy", null)))
        .setSender(new Reference(ReferralFixture.CLINIC)).addRecipient(new Reference("Organization/gp-clinic-nordvej"))
        .addPayload().setContent(new Reference(id("DocumentReference")));
    String copyId = fhir.create().resource(copy).execute().getId().getIdPart();

    assertThat(ids("Patient?identifier=urn:oid:1.2.208.176.1.2|" + referral.cpr())).containsExactly(idPart("Patient"));
    assertThat(ids("DocumentReference?related=" + request)).hasSize(3);
    assertThat(ids("Task?focus=" + request + "&status=requested")).containsExactly(idPart("Task"));
    assertThat(ids("Communication?recipient=Organization/gp-clinic-nordvej&about=" + request)).containsExactly(copyId);
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
    byte[] pdf = Pdfs.withPages(3);
    Binary binary = new Binary().setContentType("application/pdf").setData(pdf);

    String id = fhir.create().resource(binary).execute().getId().getIdPart();

    Binary read = fhir.read().resource(Binary.class).withId(id).execute();
    assertThat(Arrays.equals(read.getData(), pdf)).isTrue();
  }

  private List<String> locations() {
    return stored.getEntry().stream().map(e -> e.getResponse().getLocation()).toList();
  }

  /** "Type/id" of the first stored resource of this type in the referral. */
  private String id(String type) {
    return locations().stream().filter(l -> l.startsWith(type + "/")).findFirst().orElseThrow()
        .replaceAll("/_history/.*", "");
  }

  private String idPart(String type) {
    return id(type).split("/")[1];
  }

  private List<String> ids(String query) {
    return fhir.search().byUrl(query).returnBundle(Bundle.class).execute().getEntry().stream()
        .map(e -> e.getResource().getIdElement().getIdPart())
        .toList();
  }
}
