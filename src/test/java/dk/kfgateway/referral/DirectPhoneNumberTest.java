package dk.kfgateway.referral;

import static dk.kfgateway.referral.Intake.check;
import static dk.kfgateway.referral.Intake.violationsOf;
import static dk.kfgateway.referral.ReferralBundleBuilder.referral;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.rules.Verdict;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The secretariat phones the caseworker to book a phone sparring, so the caseworker's direct number must be given
 * (guide pkt. 2 and 3), as the work phone of the requesting PractitionerRole, in the Bundle or already stored.
 */
class DirectPhoneNumberTest {

  private static final String STORED_ROLE = "PractitionerRole/caseworker-17";

  private static Verdict checkWithStoredRole(ReferralBundleBuilder referral, PractitionerRole stored) {
    IntakeRules rules = new IntakeRules(TestCatalogue.catalogue(), new PdfPageCounter(),
        ref -> STORED_ROLE.equals(ref) ? Optional.of(stored) : Optional.empty(), List.of());
    return rules.check(referral.submission(), Intake.SUBMITTED);
  }

  private static PractitionerRole roleWithPhone(ContactPoint.ContactPointUse use) {
    PractitionerRole role = new PractitionerRole();
    role.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(use).setValue("+45 59 48 98 78");
    return role;
  }

  @Test
  void aCaseworkerInTheBundleWithAWorkPhoneIsReachable() {
    assertThat(check(referral("phone-sparring-dictated")).isAllowed()).isTrue();
  }

  @Test
  void aStoredCaseworkerWithAWorkPhoneIsLookedUp() {
    ReferralBundleBuilder referral = referral("phone-sparring-written");
    referral.without(referral.caseworker()).serviceRequest().setRequester(new Reference(STORED_ROLE));

    assertThat(checkWithStoredRole(referral, roleWithPhone(ContactPoint.ContactPointUse.WORK)).breaks("REF-006"))
        .isFalse();
  }

  @Test
  void servicesWithoutAPhoneCallDoNotAskForTheNumber() {
    ReferralBundleBuilder referral = referral("running-case-statement");
    referral.caseworker().getTelecom().clear();

    assertThat(check(referral).breaks("REF-006")).isFalse();
  }

  @Nested
  class Refused {

    @Test
    void aCaseworkerWithoutPhoneCannotBeCalled() {
      ReferralBundleBuilder referral = referral("phone-sparring-dictated");
      referral.caseworker().getTelecom().clear();

      assertThat(violationsOf(check(referral), "REF-006")).singleElement().satisfies(v -> assertThat(v.display())
          .contains("direct phone number", "system 'phone' and use 'work'", "source: guide pkt. 2"));
    }

    @Test
    void aHomePhoneIsNotTheDirectWorkNumber() {
      ReferralBundleBuilder referral = referral("phone-sparring-written");
      referral.without(referral.caseworker()).serviceRequest().setRequester(new Reference(STORED_ROLE));

      assertThat(checkWithStoredRole(referral, roleWithPhone(ContactPoint.ContactPointUse.HOME)).breaks("REF-006"))
          .isTrue();
    }

    @Test
    void aRequesterNeitherInTheBundleNorStoredIsReported() {
      ReferralBundleBuilder referral = referral("phone-sparring-written");
      referral.serviceRequest().setRequester(new Reference("PractitionerRole/unknown"));

      assertThat(violationsOf(check(referral), "REF-006")).singleElement().satisfies(v -> assertThat(v.message())
          .contains("'PractitionerRole/unknown' is not a PractitionerRole in this Bundle or on the server"));
    }
  }
}
