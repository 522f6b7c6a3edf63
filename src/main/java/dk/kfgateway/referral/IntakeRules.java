package dk.kfgateway.referral;

import dk.kfgateway.rules.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.PractitionerRole;

/**
 * The intake policy for a referral: every rule, one verdict with all violations, so that a caseworker fixes
 * everything in one go. Pages are counted once here and shared by the page rules.
 *
 * <p>Rules owned by other packages (the meeting lead-time rules of {@code dk.kfgateway.calendar}, for one) plug in
 * as {@code extraRules}; they run after the rules of this package and see the same {@link IntakeContext}.
 */
public final class IntakeRules {

  private final ServiceCatalogue catalogue;
  private final PdfPageCounter pageCounter;
  private final List<ReferralRule> rules;

  /**
   * @param storedRoles finds a PractitionerRole already stored on the server by its reference ({@code
   *     PractitionerRole/123}); the requester of a referral need not be in the Bundle
   * @param extraRules rules owned elsewhere, run after these
   */
  public IntakeRules(
      ServiceCatalogue catalogue,
      PdfPageCounter pageCounter,
      Function<String, Optional<PractitionerRole>> storedRoles,
      List<ReferralRule> extraRules) {
    this.catalogue = catalogue;
    this.pageCounter = pageCounter;
    List<ReferralRule> all = new ArrayList<>(List.of(
        new UnknownServiceRule(catalogue),
        new DiscontinuedServiceRule(),
        new ReadablePdfRule(),
        new ServicePageLimitRule(),
        new CasePageLimitRule(),
        new DocumentMetadataRule(),
        new DirectPhoneRule(storedRoles),
        new EmploymentOfferPrerequisiteRule(),
        new MeetingDateRule(),
        new TaskFitsReferralRule()));
    all.addAll(extraRules);
    this.rules = List.copyOf(all);
  }

  /** This package's rules with the default PDF limits and no extra rules. */
  public static IntakeRules standard(
      ServiceCatalogue catalogue, Function<String, Optional<PractitionerRole>> storedRoles) {
    return new IntakeRules(catalogue, new PdfPageCounter(), storedRoles, List.of());
  }

  public Verdict check(ReferralSubmission submission, Instant submittedAt) {
    IntakeContext context = new IntakeContext(
        submission,
        submission.serviceCode().flatMap(catalogue::find),
        submittedAt,
        submission.documents().stream().map(d -> new DocumentPages(d, pageCounter.count(d))).toList());
    return rules.stream().map(rule -> rule.check(context)).reduce(Verdict.allowed(), Verdict::and);
  }
}
