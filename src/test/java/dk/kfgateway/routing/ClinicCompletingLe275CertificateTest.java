package dk.kfgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.ReferralFixture;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Klinisk Funktion completes a LÆ 275 referral with the certificate: in the same transaction the municipality gets the
 * result, the citizen and the GP their copies, all sent at the moment of completion (bkg 2019 §15 stk. 2, guide pkt. 8).
 */
class ClinicCompletingLe275CertificateTest extends RoutingHttpTest {

  @Test
  void theMunicipalityTheCitizenAndTheGpGetTheCertificateAtTheSameMoment() {
    String taskId = cases.inProgress(ReferralFixture.referral("le275-certificate"));

    HttpResponse<String> completed = cases.complete(taskId, "le275", Map.of());

    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
    Task task = cases.task(taskId);
    List<Communication> copies = cases.copiesAbout(task.getFocus().getReference());
    assertThat(categories(copies)).containsExactly("certificate-copy", "citizen-copy", "result");
    assertThat(copies).allSatisfy(copy -> {
      assertThat(copy.getSent()).isEqualTo(task.getLastModified());
      assertThat(copy.getPayloadFirstRep().getContentReference().getReference())
          .isEqualTo(task.getOutputFirstRep().getValue() instanceof Reference r ? r.getReference() : null);
      assertThat(copy.getSender().getReference()).isEqualTo(ReferralFixture.CLINIC);
    });
    assertThat(recipients(only(copies, "result"))).contains(ReferralFixture.MUNICIPALITY, ReferralFixture.CASEWORKER);
    assertThat(recipients(only(copies, "citizen-copy"))).containsExactly(task.getFor().getReference());
    assertThat(recipients(only(copies, "certificate-copy"))).containsExactly("Organization/gp-clinic-nordvej");
  }

  @Test
  void theGpSystemFindsItsCopyByRecipient() {
    String taskId = cases.inProgress(ReferralFixture.referral("le275-certificate"));
    cases.complete(taskId, "le275", Map.of());
    String referral = cases.task(taskId).getFocus().getReference();

    Bundle found = cases.as("gp-nordvej").search()
        .byUrl("Communication?recipient=Organization/gp-clinic-nordvej&about=" + referral).returnBundle(Bundle.class)
        .execute();

    assertThat(found.getEntry()).singleElement().satisfies(e -> assertThat(
        ((Communication) e.getResource()).getCategoryFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("certificate-copy"));
  }

  @Test
  void provenanceRecordsWhoCompletedAndWhereEachCopyWent() {
    String taskId = cases.inProgress(ReferralFixture.referral("le275-certificate"));
    cases.complete(taskId, "le275", Map.of());
    List<Communication> copies = cases.copiesAbout(cases.task(taskId).getFocus().getReference());

    Bundle provenances = cases.as(Cases.ADMIN).search().byUrl("Provenance?target=Task/" + taskId)
        .returnBundle(Bundle.class).execute();

    assertThat(provenances.getEntry()).singleElement().satisfies(e -> {
      Provenance provenance = (Provenance) e.getResource();
      assertThat(provenance.getAgentFirstRep().getWho().getReference()).isEqualTo(ReferralFixture.CLINIC);
      assertThat(provenance.getTarget()).extracting(Reference::getReference)
          .containsAll(copies.stream().map(c -> "Communication/" + c.getIdElement().getIdPart()).toList());
    });
  }

  @Test
  void aCitizenWithoutAKnownGpIsCompletedAndTheSecretariatGetsARoutingException() {
    ReferralFixture referral = ReferralFixture.referral("le275-certificate");
    referral.patient().getGeneralPractitioner().clear();
    String taskId = cases.inProgress(referral);

    HttpResponse<String> completed = cases.complete(taskId, "le275", Map.of());

    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
    String about = cases.task(taskId).getFocus().getReference();
    assertThat(categories(cases.copiesAbout(about))).containsExactly("citizen-copy", "result", "routing-exception");
    Bundle worklist = cases.as(Cases.SECRETARIAT).search().byUrl("Communication?category=" + CopyCategory.SYSTEM
        + "|routing-exception&status=on-hold&about=" + about).returnBundle(Bundle.class).execute();
    assertThat(worklist.getEntry()).singleElement().satisfies(e -> {
      Communication exception = (Communication) e.getResource();
      assertThat(exception.getRecipient()).isEmpty();
      assertThat(exception.getNoteFirstRep().getText()).contains("no known GP").contains("bkg 2019 §15 stk. 2");
    });
  }

  @Nested
  class Refused {

    @Test
    void whenTheResultDoesNotFitTheServiceAndNothingIsCompleted() {
      String taskId = cases.inProgress(ReferralFixture.referral("le275-certificate"));

      HttpResponse<String> completed = cases.complete(taskId, "statement", Map.of());

      assertThat(completed.statusCode()).isEqualTo(422);
      assertThat(Cases.ruleIds(completed)).containsExactly("ROUTE-001");
      assertThat(completed.body()).contains("le275");
      Task task = cases.task(taskId);
      assertThat(task.getStatus()).isEqualTo(TaskStatus.INPROGRESS);
      assertThat(cases.copiesAbout(task.getFocus().getReference())).isEmpty();
    }

    @Test
    void whenRoutingFailsTheCompletionIsRolledBack() {
      Organization noYdernummer = new Organization().setName("Praksis uden ydernummer");
      noYdernummer.addIdentifier().setSystem("urn:oid:1.2.208.176.1.1").setValue("900000000099999");
      noYdernummer.addType().addCoding().setSystem("http://kf-gateway.dk/fhir/CodeSystem/kf-organization-types")
          .setCode("klinisk-funktion");
      String gp = cases.as(Cases.ADMIN).create().resource(noYdernummer).execute().getId().toUnqualifiedVersionless()
          .getValue();
      ReferralFixture referral = ReferralFixture.referral("le275-certificate");
      referral.patient().getGeneralPractitioner().clear();
      referral.patient().addGeneralPractitioner(new Reference(gp));
      String taskId = cases.inProgress(referral);

      HttpResponse<String> completed = cases.complete(taskId, "le275", Map.of());

      assertThat(completed.statusCode()).isEqualTo(422);
      assertThat(Cases.ruleIds(completed)).containsExactly("ROUTE-003");
      assertThat(completed.body()).contains("ydernummer");
      Task task = cases.task(taskId);
      assertThat(task.getStatus()).isEqualTo(TaskStatus.INPROGRESS);
      assertThat(task.getOutput()).isEmpty();
      assertThat(cases.copiesAbout(task.getFocus().getReference())).isEmpty();
      assertThat(cases.as(Cases.ADMIN).search().byUrl("Provenance?target=Task/" + taskId).returnBundle(Bundle.class)
          .execute().getEntry()).isEmpty();
    }
  }

  private static List<String> recipients(Communication copy) {
    return copy.getRecipient().stream().map(Reference::getReference).toList();
  }
}
