package dk.kfgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.ig.Ig;
import dk.kfgateway.support.ReferralFixture;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Communication;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The coordinator recommends that the citizen see their GP; when the municipality follows the recommendation, the GP
 * is told the background (bkg 2019 §9): {@code POST /fhir/Task/{id}/$follow-gp-recommendation}.
 */
class MunicipalityFollowingGpRecommendationTest extends RoutingHttpTest {

  @Test
  void theGpIsToldTheBackgroundWhenTheMunicipalityFollowsTheRecommendation() {
    String taskId = completedWithGpRecommendation(true);
    String referral = cases.task(taskId).getFocus().getReference();
    assertThat(categories(cases.copiesAbout(referral))).containsExactly("result");

    HttpResponse<String> followed = cases.post(Cases.MUNICIPALITY, "/Task/" + taskId + "/$follow-gp-recommendation");

    assertThat(followed.statusCode()).as(followed.body()).isEqualTo(200);
    List<Communication> copies = cases.copiesAbout(referral);
    assertThat(categories(copies)).containsExactly("gp-information", "result");
    Communication information = only(copies, "gp-information");
    assertThat(information.getRecipientFirstRep().getReference()).isEqualTo("Organization/gp-clinic-nordvej");
    assertThat(information.getPayloadFirstRep().getContentReference().getReference())
        .isEqualTo(only(copies, "result").getPayloadFirstRep().getContentReference().getReference());
  }

  @Test
  void followingTwiceInformsTheGpOnce() {
    String taskId = completedWithGpRecommendation(true);
    HttpResponse<String> first = cases.post(Cases.MUNICIPALITY, "/Task/" + taskId + "/$follow-gp-recommendation");

    HttpResponse<String> again = cases.post(Cases.MUNICIPALITY, "/Task/" + taskId + "/$follow-gp-recommendation");

    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(categories(cases.copiesAbout(cases.task(taskId).getFocus().getReference())))
        .containsExactly("gp-information", "result");
  }

  @Nested
  class Refused {

    @Test
    void whenAnotherPartyThanTheRequestingMunicipalityFollowsIt() {
      String taskId = completedWithGpRecommendation(true);

      HttpResponse<String> followed = cases.post(Cases.ADMIN, "/Task/" + taskId + "/$follow-gp-recommendation");

      assertThat(followed.statusCode()).isEqualTo(403);
      assertThat(Cases.ruleIds(followed)).containsExactly("ROUTE-004");
    }

    @Test
    void whenAnotherMunicipalityFollowsItTheTaskIsNotEvenFound() {
      String taskId = completedWithGpRecommendation(true);

      HttpResponse<String> followed =
          cases.post(Cases.OTHER_MUNICIPALITY, "/Task/" + taskId + "/$follow-gp-recommendation");

      assertThat(followed.statusCode()).isEqualTo(404);
      assertThat(categories(cases.copiesAbout(cases.task(taskId).getFocus().getReference()))).containsExactly("result");
    }

    @Test
    void whenTheCoordinatorRecommendedNoGpVisit() {
      String taskId = completedWithGpRecommendation(false);

      HttpResponse<String> followed = cases.post(Cases.MUNICIPALITY, "/Task/" + taskId + "/$follow-gp-recommendation");

      assertThat(followed.statusCode()).isEqualTo(409);
      assertThat(Cases.ruleIds(followed)).containsExactly("ROUTE-004");
      assertThat(categories(cases.copiesAbout(cases.task(taskId).getFocus().getReference()))).containsExactly("result");
    }
  }

  /** A statement in a running case, with the citizen's written GP-contact consent, completed with the recommendation. */
  private String completedWithGpRecommendation(boolean recommended) {
    ReferralFixture referral = ReferralFixture.referral("running-case-statement");
    referral.consent().getExtensionByUrl(Ig.EXT_GP_CONTACT_CONSENT).setValue(new BooleanType(true));
    String taskId = cases.inProgress(referral);
    HttpResponse<String> completed = cases.complete(taskId, "statement", Map.of("gp-visit-recommended", recommended));
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
    return taskId;
  }
}
