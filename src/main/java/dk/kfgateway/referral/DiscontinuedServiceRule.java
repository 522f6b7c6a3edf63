package dk.kfgateway.referral;

import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * REF-002: a service cannot be ordered once it has been discontinued (orderableUntil in the catalogue). The
 * statement "obviously pointless" (åbenbart formålsløst) ends on 1.7.2026 (guide pkt. 5: "Udgår pr. 1.7.2026"). The
 * moment is compared with the submission instant, never with the rule's own clock.
 */
final class DiscontinuedServiceRule implements ReferralRule {

  static final String ID = "REF-002";
  private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

  @Override
  public Verdict check(IntakeContext context) {
    return context.service()
        .filter(service -> !service.isOrderableAt(context.submittedAt()))
        .map(service -> Verdict.refused(
            new RuleRef(ID, service.source()),
            "The service " + service.label() + " was discontinued from " + danish(service.orderableUntil())
                + " and can no longer be ordered (referral submitted " + danish(context.submittedAt())
                + "); choose another service.",
            context.submission().locationOf(context.submission().serviceRequest()) + ".code"))
        .orElse(Verdict.allowed());
  }

  /** 1.7.2026, or 1.7.2026 14:30 when not at midnight, in Danish time as the guide writes it. */
  private static String danish(Instant instant) {
    ZonedDateTime local = instant.atZone(DANISH_TIME);
    String pattern = local.toLocalTime().equals(LocalTime.MIDNIGHT) ? "d.M.yyyy" : "d.M.yyyy HH:mm";
    return local.format(DateTimeFormatter.ofPattern(pattern));
  }
}
