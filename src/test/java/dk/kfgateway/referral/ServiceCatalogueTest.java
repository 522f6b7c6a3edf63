package dk.kfgateway.referral;

import dk.kfgateway.ig.Ig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** The service catalogue is read from the kf-services CodeSystem by the contract's property codes. */
class ServiceCatalogueTest {

  private final ServiceCatalogue catalogue = TestCatalogue.catalogue();

  @Test
  void aPhoneSparringCarriesItsPageLimitPhoneNeedAndSource() {
    assertThat(catalogue.find("phone-sparring-dictated")).hasValueSatisfying(s -> {
      assertThat(s.maxPages()).isEqualTo(25);
      assertThat(s.requiresDirectPhone()).isTrue();
      assertThat(s.source()).isEqualTo("guide pkt. 2");
    });
  }

  @Test
  void theRightToACoordinatorIsAMeetingWithPrerequisitesAndPoints() {
    assertThat(catalogue.find("right-to-coordinator")).hasValueSatisfying(s -> {
      assertThat(s.requiresEmploymentOffer()).isTrue();
      assertThat(s.meeting()).isTrue();
      assertThat(s.documentLeadWorkingDays()).isEqualTo(10);
      assertThat(s.points()).isEqualByComparingTo(new BigDecimal(3));
    });
  }

  @Test
  void theObviouslyPointlessStatementEndsAtDanishMidnightOn1July2026() {
    assertThat(catalogue.find("obviously-pointless-statement").orElseThrow().orderableUntil())
        .isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
  }

  @Test
  void aConceptWithoutPropertiesGetsTheDefaultsOfAnOrdinaryService() {
    ServiceDefinition bare = ServiceCatalogue.fromCodeSystem(codeSystemWith("hourly-advice")).find("hourly-advice")
        .orElseThrow();

    assertThat(bare.maxPages()).isEqualTo(ServiceDefinition.CASE_PAGE_LIMIT);
    assertThat(bare.orderableUntil()).isNull();
    assertThat(bare.deadlineRule()).isEqualTo("by-agreement");
    assertThat(bare.display()).isEqualTo("hourly-advice");
    assertThat(bare.source()).isEqualTo("IG CodeSystem kf-services");
  }

  @Test
  void aLimitWrittenAsTextIsStillRead() {
    CodeSystem cs = codeSystemWith("phone-sparring-dictated");
    cs.getConceptFirstRep().addProperty().setCode("maxPages").setValue(new StringType("25"));

    assertThat(ServiceCatalogue.fromCodeSystem(cs).find("phone-sparring-dictated").orElseThrow().maxPages())
        .isEqualTo(25);
  }

  @Test
  void anUnreadableLimitFailsAtLoadTimeNamingConceptAndProperty() {
    CodeSystem cs = codeSystemWith("phone-sparring-dictated");
    cs.getConceptFirstRep().addProperty().setCode("maxPages").setValue(new StringType("25 sider"));

    assertThatThrownBy(() -> ServiceCatalogue.fromCodeSystem(cs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'phone-sparring-dictated'").hasMessageContaining("'maxPages'");
  }

  @Test
  void anUnknownCodeIsNotFound() {
    assertThat(catalogue.find("second-opinion")).isEmpty();
    assertThat(catalogue.find(null)).isEmpty();
  }

  private static CodeSystem codeSystemWith(String code) {
    CodeSystem cs = new CodeSystem().setUrl(Ig.codeSystem(Ig.CS_SERVICES));
    cs.addConcept().setCode(code);
    return cs;
  }
}
