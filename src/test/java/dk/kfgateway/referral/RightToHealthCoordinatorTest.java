package dk.kfgateway.referral;

import dk.kfgateway.support.Pdfs;

import static dk.kfgateway.referral.Intake.check;
import static dk.kfgateway.referral.Intake.violationsOf;
import static dk.kfgateway.referral.ReferralBundleBuilder.referral;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.rules.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A citizen in a ressourceforløb uses the right to a health coordinator: the municipality must send the concrete
 * employment offer and the citizen's own description (bilag 13; guide pkt. 7), for a meeting.
 */
class RightToHealthCoordinatorTest {

  private static final Instant MEETING = Instant.parse("2026-04-14T08:00:00Z");

  private static ReferralBundleBuilder rightToCoordinator() {
    return referral("right-to-coordinator").meetingAt(MEETING)
        .document("Indsatsplan", "my-plan", Pdfs.withPages(4));
  }

  @Test
  void withTheOfferAndTheCitizensDescriptionItIsAccepted() {
    Verdict verdict = check(rightToCoordinator()
        .document("Tilbud: virksomhedspraktik i Netto, 10 t/uge", "employment-offer", Pdfs.withPages(2))
        .document("Borgerens beskrivelse", "citizen-description", Pdfs.withPages(1)));

    assertThat(verdict.isAllowed()).as(verdict.toString()).isTrue();
  }

  @Nested
  class Refused {

    @Test
    void withoutTheEmploymentOfferTheFirstPrerequisiteIsMissing() {
      Verdict verdict = check(rightToCoordinator()
          .document("Borgerens beskrivelse", "citizen-description", Pdfs.withPages(1)));

      assertThat(violationsOf(verdict, "REF-007")).singleElement().satisfies(v -> assertThat(v.display())
          .contains("concrete employment-directed offer", "'employment-offer'")
          .contains("source: bilag 13 (2021); guide pkt. 7"));
    }

    @Test
    void withoutTheCitizensDescriptionTheSecondPrerequisiteIsMissing() {
      Verdict verdict = check(rightToCoordinator()
          .document("Tilbud: virksomhedspraktik", "employment-offer", Pdfs.withPages(2)));

      assertThat(violationsOf(verdict, "REF-007")).singleElement()
          .satisfies(v -> assertThat(v.message()).contains("citizen's own description", "'citizen-description'"));
    }

    @Test
    void withNeitherBothPrerequisitesAreReported() {
      assertThat(violationsOf(check(rightToCoordinator()), "REF-007")).hasSize(2);
    }
  }
}
