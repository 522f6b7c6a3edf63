package dk.kfgateway.referral;

import dk.kfgateway.calendar.DocumentLeadTimeRule;
import dk.kfgateway.calendar.SparringBookingRule;
import dk.kfgateway.calendar.WorkingDayCalendar;
import dk.kfgateway.rules.Verdict;
import java.time.Instant;
import java.util.Optional;

/**
 * The calendar's lead-time rules applied to a referral with a meeting, as the catalogue says: documents at least
 * {@code documentLeadWorkingDays} working days before the meeting (CAL-001), and for case sparring a booking by the
 * previous working day and at least 24 hours before (CAL-002).
 */
final class MeetingLeadTimeRule implements ReferralRule {

  static final String PREVIOUS_WORKING_DAY_24H = "previous-working-day-24h";

  private final WorkingDayCalendar calendar;
  private final SparringBookingRule booking;

  MeetingLeadTimeRule(WorkingDayCalendar calendar) {
    this.calendar = calendar;
    this.booking = new SparringBookingRule(calendar);
  }

  @Override
  public Verdict check(IntakeContext context) {
    Optional<Instant> meeting = ReferralFields.meeting(context.submission().serviceRequest());
    if (context.service().isEmpty() || meeting.isEmpty()) {
      return Verdict.allowed();
    }
    ServiceDefinition service = context.service().get();
    Verdict verdict = Verdict.allowed();
    if (service.documentLeadWorkingDays() > 0) {
      verdict = verdict.and(
          new DocumentLeadTimeRule(calendar, service.documentLeadWorkingDays(), DocumentLeadTimeRule.DEFAULT_SOURCE)
              .check(context.submittedAt(), meeting.get()));
    }
    if (PREVIOUS_WORKING_DAY_24H.equals(service.bookingRule())) {
      verdict = verdict.and(booking.check(context.submittedAt(), meeting.get()));
    }
    return verdict;
  }

}
