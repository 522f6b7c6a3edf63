package dk.kfgateway.calendar;

import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * CAL-001: the case documents for a meeting must reach the region at least N working days (<i>hverdage</i>) before
 * the meeting, so that the coordinator can prepare (Midtjylland aftale 4.4: "mindst 10 hverdage før"; bilag 13 and
 * guide pkt. 7 for the right to a health coordinator). Default N = 10; the service catalogue's {@code
 * documentLeadWorkingDays} or an agreement may set another.
 *
 * <p>"N working days before" is the date reached by counting N working days back from the meeting date: with no
 * holidays in between, the same weekday two weeks earlier for N = 10. Documents received at any time on that date are
 * in time. Dates are Copenhagen dates.
 */
public final class DocumentLeadTimeRule {

  public static final String RULE_ID = "CAL-001";
  public static final int DEFAULT_WORKING_DAYS = 10;
  public static final String DEFAULT_SOURCE = "Midtjylland aftale 4.4; bilag 13; guide pkt. 7";

  private final WorkingDayCalendar calendar;
  private final int leadWorkingDays;
  private final RuleRef rule;

  public DocumentLeadTimeRule(WorkingDayCalendar calendar, int leadWorkingDays, String source) {
    if (leadWorkingDays < 0) {
      throw new IllegalArgumentException("lead time must not be negative: " + leadWorkingDays);
    }
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.leadWorkingDays = leadWorkingDays;
    this.rule = new RuleRef(RULE_ID, source);
  }

  /** Ten working days, Midtjylland aftale 4.4 / bilag 13. */
  public static DocumentLeadTimeRule defaults(WorkingDayCalendar calendar) {
    return new DocumentLeadTimeRule(calendar, DEFAULT_WORKING_DAYS, DEFAULT_SOURCE);
  }

  public RuleRef rule() {
    return rule;
  }

  /** The last Copenhagen date on which the documents for a meeting may reach the region. */
  public LocalDate latestSubmissionDate(Instant meeting) {
    return calendar.plusWorkingDays(meeting.atZone(WorkingDayCalendar.ZONE).toLocalDate(), -leadWorkingDays);
  }

  /** Allowed when the documents were submitted on or before {@link #latestSubmissionDate(Instant)}. */
  public Verdict check(Instant submitted, Instant meeting) {
    LocalDate latest = latestSubmissionDate(meeting);
    LocalDate submittedOn = submitted.atZone(WorkingDayCalendar.ZONE).toLocalDate();
    if (!submittedOn.isAfter(latest)) {
      return Verdict.allowed();
    }
    LocalDate earliestMeeting = calendar.plusWorkingDays(submittedOn, Math.max(leadWorkingDays, 1));
    return Verdict.refused(
        rule,
        ("The case documents must reach Klinisk Funktion at least %d working days before the meeting on %s:"
                + " the latest allowed submission date is %s, but they were submitted on %s."
                + " Move the case to a meeting on %s or later,"
                + " or agree another deadline for this case with the region.")
            .formatted(
                leadWorkingDays,
                CopenhagenFormat.date(meeting),
                CopenhagenFormat.date(latest),
                CopenhagenFormat.date(submittedOn),
                CopenhagenFormat.date(earliestMeeting)));
  }
}
