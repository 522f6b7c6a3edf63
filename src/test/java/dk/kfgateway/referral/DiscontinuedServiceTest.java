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

/** A jobcentre orders the statement "obviously pointless", which is discontinued from 1.7.2026 (guide pkt. 5). */
class DiscontinuedServiceTest {

  private static final Instant LAST_MOMENT = Instant.parse("2026-06-30T21:59:59Z");
  private static final Instant DISCONTINUED = Instant.parse("2026-06-30T22:00:00Z");

  private static ReferralBundleBuilder obviouslyPointless() {
    return referral("obviously-pointless-statement").document("Rehabiliteringsplan", "rehab-plan-preparatory",
        Pdfs.withPages(3));
  }

  @Test
  void orderedOnTheLastEveningOfJune2026ItIsAccepted() {
    Verdict verdict = check(obviouslyPointless(), LAST_MOMENT);

    assertThat(verdict.isAllowed()).as(verdict.toString()).isTrue();
  }

  @Nested
  class Refused {

    @Test
    void orderedAtMidnightDanishTimeOn1July2026ItIsDiscontinued() {
      Verdict verdict = check(obviouslyPointless(), DISCONTINUED);

      assertThat(violationsOf(verdict, "REF-002")).singleElement().satisfies(v -> assertThat(v.display())
          .contains("(obviously-pointless-statement) was discontinued from 1.7.2026")
          .contains("source: guide pkt. 5"));
    }

    @Test
    void orderedLaterItIsStillDiscontinued() {
      assertThat(check(obviouslyPointless(), Instant.parse("2027-01-04T08:00:00Z")).breaks("REF-002")).isTrue();
    }
  }
}
