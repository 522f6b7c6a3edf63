package dk.kfgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.ig.Ig;
import dk.kfgateway.support.ReferralFixture;
import java.net.http.HttpResponse;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Provenance;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's statement recommends another treatment: the GP is informed unless the citizen objects
 * (bkg 2019 §26 stk. 4), and only with the citizen's written consent to contact the GP (bkg 2019 §5 stk. 2).
 */
class CoordinatorRecommendingAnotherTreatmentTest extends RoutingHttpTest {

  @Test
  void theGpGetsTheRecommendationWithTheMunicipalitysResult() {
    String taskId = completed(true, Map.of("other-treatment-recommended", true));

    assertThat(categories(cases.copiesAbout(cases.task(taskId).getFocus().getReference())))
        .containsExactly("result", "treatment-recommendation");
  }

  @Test
  void theGpIsNotInformedWhenTheCitizenObjects() {
    String taskId = completed(true,
        Map.of("other-treatment-recommended", true, "citizen-objects-gp-information", true));

    assertThat(categories(cases.copiesAbout(cases.task(taskId).getFocus().getReference()))).containsExactly("result");
    assertThat(provenanceReasons(taskId)).anySatisfy(reason -> assertThat(reason).contains("citizen objects")
        .contains("bkg 2019 §26 stk. 4"));
  }

  @Test
  void theGpIsNotInformedWithoutWrittenConsentToContactTheGp() {
    String taskId = completed(false, Map.of("other-treatment-recommended", true));

    assertThat(categories(cases.copiesAbout(cases.task(taskId).getFocus().getReference()))).containsExactly("result");
    assertThat(provenanceReasons(taskId)).anySatisfy(reason -> assertThat(reason).contains("treatment-recommendation")
        .contains("CONS-"));
  }

  private String completed(boolean writtenGpConsent, Map<String, Boolean> recommendations) {
    ReferralFixture referral = ReferralFixture.referral("other-treatment-assessment");
    referral.consent().getExtensionByUrl(Ig.EXT_GP_CONTACT_CONSENT).setValue(new BooleanType(writtenGpConsent));
    String taskId = cases.inProgress(referral);
    HttpResponse<String> completed = cases.complete(taskId, "statement", recommendations);
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
    return taskId;
  }

  private java.util.List<String> provenanceReasons(String taskId) {
    Bundle found = cases.as(Cases.ADMIN).search().byUrl("Provenance?target=Task/" + taskId).returnBundle(Bundle.class)
        .execute();
    return found.getEntry().stream().flatMap(e -> ((Provenance) e.getResource()).getReason().stream())
        .map(CodeableConcept::getText).toList();
  }
}
