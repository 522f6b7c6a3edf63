package dk.kfgateway.referral;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.Pdfs;
import dk.kfgateway.support.ReferralFixture;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A municipality posts a referral as one transaction Bundle; the gateway checks it against the rules of its service
 * (DOMAIN.md's service table) before anything is stored. Each refusal names its rule and paragraph, and leaves nothing.
 */
class ReferralIntakeTest extends GatewayIntegrationTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dk.kfgateway.support.ReferralFixture#orderableServiceCodes")
  void everyOrderableServiceIsAcceptedAsOneTransaction(String service) {
    ReferralFixture referral = ReferralFixture.referral(service);

    Bundle response = fhir.transaction().withBundle(referral.bundle()).execute();

    assertThat(response.getEntry()).allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
    Task task = fhir.read().resource(Task.class).withId(taskId(response)).execute();
    assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
    assertThat(patientsWithCpr(referral.cpr())).isEqualTo(1);
  }

  @Test
  void aCitizenIsMatchedByCprAndNeverDuplicated() {
    ReferralFixture first = ReferralFixture.referral("running-case-statement");
    ReferralFixture second = ReferralFixture.referral("le275-certificate");
    second.patient().getIdentifierFirstRep().setValue(first.cpr());
    second.bundle().getEntryFirstRep().getRequest().setIfNoneExist("identifier=urn:oid:1.2.208.176.1.2|" + first.cpr());

    fhir.transaction().withBundle(first.bundle()).execute();
    fhir.transaction().withBundle(second.bundle()).execute();

    assertThat(patientsWithCpr(first.cpr())).isEqualTo(1);
  }

  @Nested
  class Refused {

    @Test
    void aServiceNoLongerOrderable_guidePkt5() {
      ReferralFixture referral = ReferralFixture.referral("obviously-pointless-statement");

      assertRefused(referral, 422, "REF-002").contains("discontinued").contains("2026");
    }

    @Test
    void phoneSparringWithMoreThan25Pages_guidePkt2() {
      ReferralFixture referral = ReferralFixture.referral("phone-sparring-dictated");
      referral.document("journal-extract", "Journaludskrift 2025-2026", 21);

      assertRefused(referral, 422, "REF-003").contains("26").contains("25").contains("guide pkt. 2");
    }

    @Test
    void moreThan75PagesInACase_guidePkt12() {
      ReferralFixture referral = ReferralFixture.referral("running-case-statement");
      referral.document("journal-extract", "Journaludskrift 2020-2026", 70);

      assertRefused(referral, 422, "REF-004").contains("76 pages").contains("75 pages").contains("guide pkt. 12");
    }

    @Test
    void aDocumentWithoutTitleOrDate_guidePkt12() {
      ReferralFixture referral = ReferralFixture.referral("running-case-statement");
      var doc = referral.document("le125", "LÆ 125", 2);
      doc.getContentFirstRep().getAttachment().setTitle(null);
      doc.setDate(null);

      assertRefused(referral, 422, "REF-005").contains("guide pkt. 12");
    }

    @Test
    void phoneSparringWithoutTheCaseworkersDirectPhone_guidePkt2() {
      ReferralFixture referral = ReferralFixture.referral("phone-sparring-dictated");
      PractitionerRole noPhone = new PractitionerRole();
      noPhone.setPractitioner(new Reference("Practitioner/mette-jensen"));
      noPhone.setOrganization(new Reference(ReferralFixture.MUNICIPALITY));
      noPhone.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("jobcenter@example.dk");
      referral.bundle().addEntry().setFullUrl("urn:uuid:6f0f7c5e-0000-4000-8000-000000000006").setResource(noPhone)
          .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("PractitionerRole");
      referral.serviceRequest().setRequester(new Reference("urn:uuid:6f0f7c5e-0000-4000-8000-000000000006"));

      assertRefused(referral, 422, "REF-006").contains("phone");
    }

    @Test
    void rightToACoordinatorWithoutTheEmploymentOffer_bilag13() {
      ReferralFixture referral = ReferralFixture.referral("right-to-coordinator");
      referral.bundle().getEntry().removeIf(e -> e.getResource() instanceof org.hl7.fhir.r4.model.DocumentReference d
          && d.getType().getCodingFirstRep().getCode().equals("employment-offer"));

      assertRefused(referral, 422, "REF-007").contains("bilag 13");
    }

    @Test
    void aMeetingServiceWithoutItsMeetingDate() {
      ReferralFixture referral = ReferralFixture.referral("rehab-team-advice");
      referral.serviceRequest().setOccurrence(null);

      assertRefused(referral, 422, "REF-008");
    }

    @Test
    void aTaskThatIsNotARequestedOrder() {
      ReferralFixture referral = ReferralFixture.referral("running-case-statement");
      referral.task().setStatus(Task.TaskStatus.INPROGRESS);

      assertRefused(referral, 422, "REF-009");
    }

    @Test
    void anAttachmentThatIsNotAPdf() {
      ReferralFixture referral = ReferralFixture.referral("running-case-statement");
      referral.document("note", "Notat.docx", Pdfs.notAPdf());

      assertRefused(referral, 422, "REF-010").contains("Notat.docx");
    }

    @Test
    void documentsLessThan10WorkingDaysBeforeTheMeeting_midtjyllandAftale44() {
      ReferralFixture referral = ReferralFixture.referral("rehab-team-advice");
      referral.meetingAt(Instant.now().plus(Duration.ofDays(5)));

      assertRefused(referral, 422, "CAL-001").contains("4.4");
    }

    @Test
    void caseSparringBookedLessThan24HoursBefore_guidePkt1() {
      ReferralFixture referral = ReferralFixture.referral("case-sparring");
      referral.meetingAt(Instant.now().plus(Duration.ofHours(20)));

      assertRefused(referral, 422, "CAL-002").contains("guide pkt. 1");
    }

    @Test
    void aServiceRequestPostedOnItsOwn() {
      ReferralFixture referral = ReferralFixture.referral("running-case-statement");
      var request = referral.serviceRequest().copy();
      request.setSubject(new Reference("Patient/citizen-karen")).getSupportingInfo().clear();

      HttpResponse<String> response = send("POST", "/ServiceRequest", FHIR.newJsonParser().encodeResourceToString(request));

      assertThat(response.statusCode()).isEqualTo(422);
      assertThat(response.body()).contains("REF-011");
    }

    @Test
    void aReferralAsABatchInsteadOfATransaction() {
      ReferralFixture referral = ReferralFixture.referral("running-case-statement");
      referral.bundle().setType(Bundle.BundleType.BATCH);

      assertRefused(referral, 422, "REF-011").contains("transaction");
    }

    @Test
    void twoReferralsInOneBundle() {
      ReferralFixture referral = ReferralFixture.referral("running-case-statement");
      ReferralFixture other = ReferralFixture.referral("le275-certificate");
      referral.bundle().addEntry(other.bundle().getEntry().stream()
          .filter(e -> e.getResource() instanceof org.hl7.fhir.r4.model.ServiceRequest).findFirst().orElseThrow());

      assertRefused(referral, 422, "REF-012");
    }

    @Test
    void aSecondTaskSmuggledIntoTheReferral() {
      ReferralFixture referral = ReferralFixture.referral("running-case-statement");
      Task extra = referral.task().copy().setStatus(Task.TaskStatus.COMPLETED);
      referral.bundle().addEntry().setFullUrl("urn:uuid:0e6b7a1c-0000-4000-8000-00000000aaaa").setResource(extra)
          .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Task");

      assertRefused(referral, 422, "REF-012");
    }

    @Test
    void aSecondCitizenAskedAboutNextToTheReferral() {
      ReferralFixture known = ReferralFixture.referral("le275-certificate");
      fhir.transaction().withBundle(known.bundle()).execute();
      ReferralFixture referral = ReferralFixture.referral("running-case-statement");
      Patient probe = known.patient().copy();
      referral.bundle().addEntry().setFullUrl("urn:uuid:0e6b7a1c-0000-4000-8000-00000000bbbb").setResource(probe)
          .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient")
          .setIfNoneExist("identifier=urn:oid:1.2.208.176.1.2|" + known.cpr());

      assertRefused(referral, 422, "REF-012").contains("ServiceRequest.subject");
    }

    /** A consent naming another citizen would leave the referral without its own (and an LÆ 275 unreturned). */
    @Test
    void aConsentOfAnotherCitizen_guidePkt13() {
      ReferralFixture known = ReferralFixture.referral("le275-certificate");
      Bundle stored = fhir.transaction().withBundle(known.bundle()).execute();
      String otherCitizen = stored.getEntry().stream().map(e -> e.getResponse().getLocation())
          .filter(location -> location.startsWith("Patient/")).findFirst().orElseThrow();
      ReferralFixture referral = ReferralFixture.referral("le275-certificate");
      referral.consent().setPatient(new org.hl7.fhir.r4.model.Reference(
          new org.hl7.fhir.r4.model.IdType(otherCitizen).toUnqualifiedVersionless().getValue()));

      assertRefused(referral, 422, "REF-012").contains("Consent.patient must name the Patient");
    }

    @Test
    void aConsentCarryingAnotherCitizensCpr_guidePkt13() {
      ReferralFixture known = ReferralFixture.referral("le275-certificate");
      ReferralFixture referral = ReferralFixture.referral("le275-certificate");
      referral.consent().getPatient().getIdentifier().setSystem("urn:oid:1.2.208.176.1.2").setValue(known.cpr());

      assertRefused(referral, 422, "REF-012").contains("carry no other CPR");
    }

    @Test
    void aDocumentCarryingAnotherCitizensCpr_guidePkt12() {
      ReferralFixture known = ReferralFixture.referral("le275-certificate");
      ReferralFixture referral = ReferralFixture.referral("le275-certificate");
      var doc = referral.document("journal-extract", "Journaludskrift", 2);
      doc.setSubject(new org.hl7.fhir.r4.model.Reference(doc.getSubject().getReference())
          .setIdentifier(new org.hl7.fhir.r4.model.Identifier().setSystem("urn:oid:1.2.208.176.1.2").setValue(known.cpr())));

      assertRefused(referral, 422, "REF-012").contains("DocumentReference.subject must name the Patient");
    }

    /** Another CPR in the condition would attach the case to whoever holds it, and "not matched" would tell. */
    @Test
    void aCitizenWhoseConditionalCreateAsksForAnotherCpr() {
      ReferralFixture known = ReferralFixture.referral("le275-certificate");
      fhir.transaction().withBundle(known.bundle()).execute();
      ReferralFixture referral = ReferralFixture.referral("running-case-statement");
      referral.bundle().getEntryFirstRep().getRequest()
          .setIfNoneExist("identifier=urn:oid:1.2.208.176.1.2|" + known.cpr());

      assertRefused(referral, 422, "REF-012").contains("ifNoneExist");
    }

    @Test
    void aNewTaskCarryingTheClinicsFields() {
      ReferralFixture referral = ReferralFixture.referral("running-case-statement");
      referral.task().setBusinessStatus(new org.hl7.fhir.r4.model.CodeableConcept(new org.hl7.fhir.r4.model.Coding(
          "http://kf-gateway.dk/fhir/CodeSystem/kf-triage-outcomes", "examination", null)));
      referral.task().getRestriction().getPeriod().setEnd(new java.util.Date());

      assertRefused(referral, 422, "REF-009").contains("Task.businessStatus").contains("Task.restriction");
    }

    /** The owner gets the case file to see: a GP clinic or another municipality would be handed a case. */
    @ParameterizedTest(name = "owner {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Organization/gp-clinic-nordvej",
        "Organization/municipality-kalundborg", "PractitionerRole/gp-moeller", "Patient/citizen-karen"})
    void aTaskOwnedByAnyoneButKliniskFunktion(String owner) {
      ReferralFixture referral = ReferralFixture.referral("running-case-statement");
      referral.task().setOwner(new org.hl7.fhir.r4.model.Reference(owner));

      assertRefused(referral, 422, "REF-009").contains("Task.owner").contains(owner);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
      ReferralFixture referral = ReferralFixture.referral("phone-sparring-dictated");
      referral.document("journal-extract", "Journaludskrift", 80);
      referral.task().setStatus(Task.TaskStatus.ACCEPTED);

      HttpResponse<String> response = post(referral);

      assertThat(ruleIds(response)).contains("REF-003", "REF-004", "REF-009");
    }
  }

  private org.assertj.core.api.AbstractStringAssert<?> assertRefused(ReferralFixture referral, int status, String rule) {
    HttpResponse<String> response = post(referral);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(ruleIds(response)).contains(rule);
    assertThat(patientsWithCpr(referral.cpr())).as("nothing of a refused referral is stored").isZero();
    return assertThat(response.body());
  }

  private HttpResponse<String> post(ReferralFixture referral) {
    return send("POST", "", FHIR.newJsonParser().encodeResourceToString(referral.bundle()));
  }

  private static java.util.List<String> ruleIds(HttpResponse<String> response) {
    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    return outcome.getIssue().stream().map(i -> i.getDetails().getCodingFirstRep().getCode()).toList();
  }

  private int patientsWithCpr(String cpr) {
    return fhir.search().byUrl("Patient?identifier=urn:oid:1.2.208.176.1.2|" + cpr).returnBundle(Bundle.class)
        .execute().getEntry().size();
  }

  private static String taskId(Bundle response) {
    return response.getEntry().stream().map(e -> e.getResponse().getLocation()).filter(l -> l.startsWith("Task/"))
        .findFirst().map(l -> l.split("/")[1]).orElseThrow();
  }
}
