package dk.kfgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.ig.Ig;
import dk.kfgateway.routing.medcom.MedComValidator;
import dk.kfgateway.support.ReferralFixture;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * Every kind of message the gateway sends a GP, produced through the HTTP API from a real referral and taken as the GP
 * system received it, conforms to MedCom CareCommunication 5.0.4 (the official packages: 0 errors), with MedCom's
 * category for its kind: the LÆ 275 certificate copy (bkg 2019 §15 stk. 2), the background of a GP recommendation the
 * municipality followed (§9) and the recommendation of another treatment (§26 stk. 4). A message that would not
 * conform refuses the completion (ROUTE-006) instead of being sent.
 */
class GpMessagesConformingToMedComTest extends RoutingHttpTest {

  static final MedComValidator OFFICIAL_PACKAGES = new MedComValidator(Cases.FHIR);

  @Test
  void theCertificateCopyOfSection15Conforms() {
    ReferralFixture referral = ReferralFixture.referral("le275-certificate");
    String taskId = cases.inProgress(referral);

    assertThat(cases.complete(taskId, "le275", Map.of()).statusCode()).isEqualTo(200);

    assertConforming(received(referral, taskId, "certificate-copy"), "examination-results");
  }

  @Test
  void theTreatmentRecommendationOfSection26Conforms() {
    ReferralFixture referral = ReferralFixture.referral("other-treatment-assessment");
    referral.consent().getExtensionByUrl(Ig.EXT_GP_CONTACT_CONSENT).setValue(new BooleanType(true));
    String taskId = cases.inProgress(referral);

    assertThat(cases.complete(taskId, "statement", Map.of("other-treatment-recommended", true)).statusCode())
        .isEqualTo(200);

    assertConforming(received(referral, taskId, "treatment-recommendation"), "healthcare");
  }

  @Test
  void theGpInformationOfSection9Conforms() {
    ReferralFixture referral = ReferralFixture.referral("running-case-statement");
    referral.consent().getExtensionByUrl(Ig.EXT_GP_CONTACT_CONSENT).setValue(new BooleanType(true));
    String taskId = cases.inProgress(referral);
    assertThat(cases.complete(taskId, "statement", Map.of("gp-visit-recommended", true)).statusCode()).isEqualTo(200);

    HttpResponse<String> followed = cases.post(Cases.MUNICIPALITY, "/Task/" + taskId + "/$follow-gp-recommendation");

    assertThat(followed.statusCode()).as(followed.body()).isEqualTo(200);
    assertConforming(received(referral, taskId, "gp-information"), "carecoordination");
  }

  @Test
  void aCompletionWhoseGpClinicHasNoEanLocationNumberIsRefusedAndNothingIsSent() {
    Organization clinic = new Organization().setName("Lægehuset uden lokationsnummer").setActive(true);
    clinic.getMeta().addProfile(Ig.structureDefinition(Ig.ORGANIZATION));
    clinic.addIdentifier().setSystem(Ig.SOR).setValue("900000000019999");
    clinic.addIdentifier().setSystem(Ig.YDERNUMMER).setValue("099999");
    clinic.addType().addCoding().setSystem(Ig.codeSystem(Ig.CS_ORGANIZATION_TYPES)).setCode("gp-clinic");
    String gp = cases.as(Cases.ADMIN).create().resource(clinic).execute().getId().toUnqualifiedVersionless().getValue();
    ReferralFixture referral = ReferralFixture.referral("le275-certificate");
    referral.patient().setGeneralPractitioner(List.of(new Reference(gp)));
    String taskId = cases.inProgress(referral);

    HttpResponse<String> completed = cases.complete(taskId, "le275", Map.of());

    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(422);
    assertThat(Cases.ruleIds(completed)).contains("ROUTE-006");
    assertThat(completed.body()).contains("CareCommunication 5.0.4", "EAN-ID");
    assertThat(cases.task(taskId).getStatus()).isEqualTo(Task.TaskStatus.INPROGRESS);
    assertThat(cases.copiesAbout(cases.task(taskId).getFocus().getReference())).isEmpty();
  }

  private Bundle received(ReferralFixture referral, String taskId, String category) {
    String about = cases.task(taskId).getFocus().getReference();
    Cases.await(category + " acknowledged", () -> only(cases.copiesAbout(about), category).getStatus()
        == CommunicationStatus.COMPLETED);
    assertThat(NORDVEJ.kept(referral.cpr())).hasSize(1);
    return NORDVEJ.message(NORDVEJ.kept(referral.cpr()).get(0).bundleId());
  }

  private static void assertConforming(Bundle message, String medcomCategory) {
    assertThat(OFFICIAL_PACKAGES.errors(message, MedComValidator.CARE_COMMUNICATION)).isEmpty();
    assertThat(DeliveringTheGpCopyTest.communication(message).getCategoryFirstRep().getCodingFirstRep().getCode())
        .isEqualTo(medcomCategory);
  }
}
