package dk.kfgateway.referral;

import dk.kfgateway.support.Pdfs;

import static dk.kfgateway.referral.Intake.check;
import static dk.kfgateway.referral.Intake.violationsOf;
import static dk.kfgateway.referral.ReferralBundleBuilder.referral;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hl7.fhir.r4.model.Period;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A jobcentre orders a service held at a meeting; the meeting date goes in ServiceRequest.occurrenceDateTime. */
class MeetingDateTest {

  private static ReferralBundleBuilder rehabTeam() {
    return referral("rehab-team-advice").document("Rehabiliteringsplan", "rehab-plan-preparatory", Pdfs.withPages(8));
  }

  @Test
  void aRehabilitationTeamCaseWithAMeetingDateIsAccepted() {
    assertThat(check(rehabTeam().meetingAt(Instant.parse("2026-04-14T08:00:00Z"))).isAllowed()).isTrue();
  }

  @Test
  void aServiceWithoutMeetingNeedsNoDate() {
    assertThat(check(referral("running-case-statement")).breaks("REF-008")).isFalse();
  }

  @Nested
  class Refused {

    @Test
    void aRehabilitationTeamCaseWithoutMeetingDate() {
      assertThat(violationsOf(check(rehabTeam()), "REF-008")).singleElement().satisfies(v -> {
        assertThat(v.display()).contains("occurrenceDateTime", "source: bkg 2019 §5-§8, §21");
        assertThat(v.location()).endsWith(".occurrenceDateTime");
      });
    }

    @Test
    void aPeriodInsteadOfAMeetingDate() {
      ReferralBundleBuilder referral = rehabTeam();
      referral.serviceRequest().setOccurrence(new Period());

      assertThat(check(referral).breaks("REF-008")).isTrue();
    }
  }
}
