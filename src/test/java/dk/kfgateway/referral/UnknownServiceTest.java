package dk.kfgateway.referral;

import dk.kfgateway.ig.Ig;

import dk.kfgateway.support.Pdfs;

import static dk.kfgateway.referral.Intake.check;
import static dk.kfgateway.referral.Intake.violationsOf;
import static dk.kfgateway.referral.ReferralBundleBuilder.referral;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.rules.Verdict;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A jobcentre orders something that is not in the service catalogue kf-services. */
class UnknownServiceTest {

  @Nested
  class Refused {

    @Test
    void aCodeOutsideTheCatalogueIsNamedWithTheServicesThatCanBeOrdered() {
      Verdict verdict = check(referral("second-opinion").document("LÆ 125", "le125", Pdfs.withPages(2)));

      assertThat(violationsOf(verdict, "REF-001")).singleElement().satisfies(v -> {
        assertThat(v.display())
            .contains("'second-opinion'", "phone-sparring-dictated", "source: IG CodeSystem kf-services");
        assertThat(v.location()).endsWith(".code");
      });
    }

    @Test
    void aServiceFromAnotherCodeSystemIsNoService() {
      ReferralBundleBuilder referral = referral("phone-sparring-dictated");
      referral.serviceRequest().setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "11429006", null)));

      assertThat(violationsOf(check(referral), "REF-001")).singleElement()
          .satisfies(v -> assertThat(v.message()).contains("names no service", Ig.codeSystem(Ig.CS_SERVICES)));
    }
  }
}
