package dk.kfgateway.referral;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One service (ydelse) a municipality can order from Klinisk Funktion, as the IG's kf-services catalogue describes
 * it. The rules read their limits from here rather than from code, so that a region can change a limit by publishing
 * a new catalogue.
 *
 * @param code the kf-services code, e.g. {@code phone-sparring-dictated}
 * @param display the human name shown in messages
 * @param maxPages pages of case documents allowed (guide pkt. 2: 25, pkt. 3: 50, pkt. 12: 75 for every case)
 * @param points meeting-day points, 1 point = 20 minutes (guide pkt. 1, 6, 7); zero when not billed in points
 * @param specificConsent needs the specific consent wording (LÆ 275, lægeskøn; guide pkt. 13)
 * @param writtenConsent needs written consent (bkg 2019 §26)
 * @param deadlineRule a kf-deadline-rules code
 * @param orderableUntil from this instant the service can no longer be ordered; null when open-ended
 * @param requiresDirectPhone the caseworker's direct phone number is needed (phone sparring, guide pkt. 2-3)
 * @param requiresEmploymentOffer the bilag 13 prerequisites apply (right to a health coordinator)
 * @param meeting the ServiceRequest carries a meeting date in occurrenceDateTime
 * @param documentLeadWorkingDays working days before the meeting that documents must reach the region
 * @param bookingRule a booking rule code such as {@code previous-working-day-24h}; null when none
 * @param source the paragraph the service is described in, e.g. "guide pkt. 2"
 */
public record ServiceDefinition(
    String code,
    String display,
    int maxPages,
    BigDecimal points,
    boolean specificConsent,
    boolean writtenConsent,
    String deadlineRule,
    Instant orderableUntil,
    boolean requiresDirectPhone,
    boolean requiresEmploymentOffer,
    boolean meeting,
    int documentLeadWorkingDays,
    String bookingRule,
    String source) {

  /** At most 75 pages of documents per case, whatever the service (guide pkt. 12). */
  public static final int CASE_PAGE_LIMIT = 75;

  /** True when the service can still be ordered at the given instant. */
  public boolean isOrderableAt(Instant at) {
    return orderableUntil == null || at.isBefore(orderableUntil);
  }

  /** How messages name the service: {@code 'Phone sparring' (phone-sparring-dictated)}. */
  public String label() {
    return "'" + display + "' (" + code + ")";
  }
}
