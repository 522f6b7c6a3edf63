package dk.kfgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import dk.kfgateway.ig.ImplementationGuide;
import dk.kfgateway.routing.ResultRouting.Completion;
import dk.kfgateway.routing.ResultRouting.GpClinic;
import dk.kfgateway.routing.ResultRouting.GpConsent;
import dk.kfgateway.routing.ResultRouting.Plan;
import dk.kfgateway.support.ReferralFixture;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The routing table of the IG decides who gets a result (pure: no server, no database). */
class RoutingAResultTest {

  static final RoutingTable TABLE = RoutingTable.fromCodeSystem(
      ImplementationGuide.load(FhirContext.forR4Cached()).codeSystem("kf-result-routing").orElseThrow());
  static final ResultRouting ROUTING = new ResultRouting(TABLE);
  static final Optional<GpClinic> NORDVEJ =
      Optional.of(new GpClinic("Organization/gp-clinic-nordvej", "900000000012345", "099991"));
  static final GpConsent WRITTEN = new GpConsent(true, null);
  static final GpConsent NONE = new GpConsent(false, "no written consent to contact the GP [CONS-004]");

  @Test
  void anLe275CertificateGoesToTheMunicipalityTheCitizenAndTheGp_bkg2019par15stk2() {
    Plan plan = ROUTING.onCompletion(new Completion("le275-certificate", "le275", false, false, NORDVEJ, NONE));

    assertThat(plan.verdict().isAllowed()).isTrue();
    assertThat(plan.copies()).extracting(ResultRouting.Copy::category).containsExactly(
        CopyCategory.RESULT, CopyCategory.CITIZEN_COPY, CopyCategory.CERTIFICATE_COPY);
    assertThat(plan.copies()).allSatisfy(copy -> assertThat(copy.source()).contains("bkg 2019 §15 stk. 2"));
  }

  @Test
  void aStatementGoesToTheMunicipalityOnly() {
    Plan plan = ROUTING.onCompletion(new Completion("running-case-statement", "statement", false, false, NORDVEJ,
        WRITTEN));

    assertThat(plan.copies()).extracting(ResultRouting.Copy::category).containsExactly(CopyCategory.RESULT);
  }

  @Test
  void withoutAKnownGpTheSecretariatGetsARoutingException() {
    Plan plan = ROUTING.onCompletion(new Completion("le275-certificate", "le275", false, false, Optional.empty(), NONE));

    assertThat(plan.copies()).extracting(ResultRouting.Copy::category).containsExactly(
        CopyCategory.RESULT, CopyCategory.CITIZEN_COPY, CopyCategory.ROUTING_EXCEPTION);
    assertThat(plan.notes()).singleElement().asString().contains("no known GP");
  }

  @Test
  void anotherTreatmentGoesToTheGpWithWrittenConsent_bkg2019par26stk4() {
    Plan plan = ROUTING.onCompletion(new Completion("other-treatment-assessment", "statement", true, false, NORDVEJ,
        WRITTEN));

    assertThat(plan.copies()).extracting(ResultRouting.Copy::category)
        .containsExactly(CopyCategory.RESULT, CopyCategory.TREATMENT_RECOMMENDATION);
  }

  @Test
  void anotherTreatmentIsWithheldWhenTheCitizenObjectsOrHasNotConsented() {
    Plan objected = ROUTING.onCompletion(new Completion("other-treatment-assessment", "statement", true, true, NORDVEJ,
        WRITTEN));
    Plan unconsented = ROUTING.onCompletion(new Completion("other-treatment-assessment", "statement", true, false,
        NORDVEJ, NONE));

    assertThat(objected.copies()).extracting(ResultRouting.Copy::category).containsExactly(CopyCategory.RESULT);
    assertThat(objected.notes()).singleElement().asString().contains("citizen objects");
    assertThat(unconsented.copies()).extracting(ResultRouting.Copy::category).containsExactly(CopyCategory.RESULT);
    assertThat(unconsented.notes()).singleElement().asString().contains("CONS-004");
  }

  @Test
  void theGpIsToldTheBackgroundOfAFollowedRecommendation_bkg2019par9() {
    Plan plan = ROUTING.onGpRecommendationFollowed("rehab-team-advice", NORDVEJ, WRITTEN);

    assertThat(plan.copies()).extracting(ResultRouting.Copy::category).containsExactly(CopyCategory.GP_INFORMATION);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dk.kfgateway.support.ReferralFixture#orderableServiceCodes")
  void everyServiceOfTheCatalogueHasAResultThatFitsIt(String service) {
    assertThat(TABLE.resultTypes(service)).isNotEmpty();
    assertThat(ReferralFixture.catalogue().find(service)).isPresent();
  }

  @Nested
  class Refused {

    @Test
    void whenTheResultDoesNotFitTheService() {
      Plan plan = ROUTING.onCompletion(new Completion("le275-certificate", "statement", false, false, NORDVEJ, WRITTEN));

      assertThat(plan.verdict().breaks("ROUTE-001")).isTrue();
      assertThat(plan.copies()).isEmpty();
    }

    @Test
    void whenTheGpClinicHasNoYdernummer() {
      Optional<GpClinic> unaddressable = Optional.of(new GpClinic("Organization/x", "900000000099999", null));

      Plan plan = ROUTING.onCompletion(new Completion("le275-certificate", "le275", false, false, unaddressable,
          WRITTEN));

      assertThat(plan.verdict().breaks("ROUTE-003")).isTrue();
      assertThat(plan.verdict().violations().get(0).message()).contains("ydernummer");
    }
  }
}
