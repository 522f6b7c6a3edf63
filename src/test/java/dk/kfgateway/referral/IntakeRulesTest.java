package dk.kfgateway.referral;

import dk.kfgateway.support.Pdfs;

import static dk.kfgateway.referral.ReferralBundleBuilder.referral;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A jobcentre posts a referral with several problems and learns about all of them at once. */
class IntakeRulesTest {

  @Test
  void everyViolationOfAReferralIsReportedInOneVerdict() {
    ReferralBundleBuilder referral = referral("phone-sparring-dictated")
        .document("Journaludskrift", "journal-extract", Pdfs.withPages(30))
        .document("Arbejdsanamnese", "note", Pdfs.notAPdf());
    referral.caseworker().getTelecom().clear();
    referral.lastDocument().setDate(null);
    referral.task().setOwner(null);

    Verdict verdict = Intake.check(referral);

    assertThat(verdict.violations()).extracting(v -> v.rule().id())
        .containsExactly("REF-010", "REF-003", "REF-005", "REF-006", "REF-009");
  }

  @Test
  void extraRulesFromOtherPackagesSeeTheServiceTheMeetingAndTheSubmissionInstant() {
    Instant submitted = Instant.parse("2026-04-01T10:00:00Z");
    AtomicReference<IntakeContext> seen = new AtomicReference<>();
    RuleRef leadTime = new RuleRef("CAL-001", "bilag 13");
    ReferralRule calendarRule = context -> {
      seen.set(context);
      return Verdict.refused(leadTime, "documents arrive too late for the meeting");
    };
    IntakeRules rules = new IntakeRules(
        TestCatalogue.catalogue(), new PdfPageCounter(), ref -> Optional.empty(), List.of(calendarRule));

    Verdict verdict = rules.check(referral("right-to-coordinator")
        .meetingAt(Instant.parse("2026-04-14T08:00:00Z"))
        .document("Tilbud", "employment-offer", Pdfs.withPages(1))
        .document("Borgerens beskrivelse", "citizen-description", Pdfs.withPages(1))
        .submission(), submitted);

    assertThat(verdict.violations()).extracting(v -> v.rule().id()).containsExactly("CAL-001");
    assertThat(seen.get().submittedAt()).isEqualTo(submitted);
    assertThat(seen.get().service()).hasValueSatisfying(s -> assertThat(s.documentLeadWorkingDays()).isEqualTo(10));
    assertThat(seen.get().totalPages()).isEqualTo(2);
  }
}
