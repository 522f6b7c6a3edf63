package dk.kfgateway.notification;

import dk.kfgateway.rules.Verdict;
import dk.kfgateway.security.allowlist.RoleGrants;
import dk.kfgateway.security.allowlist.TypeGrant;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Subscription;

/**
 * What a client may write into a Subscription (NOTIF-001 criteria per role, NOTIF-002 channel, NOTIF-003 status). Pure: the
 * role's grants are given; whether HAPI can match the criteria in memory is asked separately, as its own verdict.
 */
final class SubscriptionRules {

  static final String FHIR_JSON = "application/fhir+json";

  /** Headers a Subscription may ask to be sent: a credential for the receiver, or the client's own X- headers. */
  private static final Pattern HEADER = Pattern.compile("(Authorization|X-(?!KF-)[A-Za-z0-9-]+): ?[\\x20-\\x7E]{1,500}",
      Pattern.CASE_INSENSITIVE);

  private SubscriptionRules() {}

  /** NOTIF-001: every parameter of the criteria is on the role's subscribe list of that type (no modifier, no chain). */
  static Verdict criteria(RoleGrants grants, String criteria) {
    String text = criteria == null ? "" : criteria.trim();
    String[] parts = text.split("\\?", 2);
    Set<String> allowed = grants.on(parts[0]).map(TypeGrant::subscribe).orElse(Set.of());
    if (allowed.isEmpty()) {
      return Verdict.refused(NotificationRules.CRITERIA, "Subscriptions to '" + parts[0] + "' are not offered to this"
          + " party; criteria start with a type it may subscribe to (README \"Notifications\")", "Subscription.criteria");
    }
    if (parts.length < 2 || parts[1].isBlank()) {
      return Verdict.refused(NotificationRules.CRITERIA, "The criteria need parameters, e.g. " + parts[0] + "?"
          + new TreeSet<>(allowed).first() + "=...", "Subscription.criteria");
    }
    Verdict verdict = Verdict.allowed();
    for (String name : parameterNames(text)) {
      if (!allowed.contains(name)) {
        verdict = verdict.and(Verdict.refused(NotificationRules.CRITERIA, "The parameter '" + name + "' cannot be used"
            + " in the criteria of a Subscription to " + parts[0] + "; allowed: " + new TreeSet<>(allowed),
            "Subscription.criteria"));
      }
    }
    return verdict;
  }

  /** The parameter names of criteria, without their values, as a refusal may show them. */
  static String names(String criteria) {
    return parameterNames(criteria).toString();
  }

  private static Set<String> parameterNames(String criteria) {
    String[] parts = (criteria == null ? "" : criteria).split("\\?", 2);
    Set<String> names = new java.util.LinkedHashSet<>();
    if (parts.length > 1) {
      for (String pair : parts[1].split("&")) {
        names.add(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
      }
    }
    return names;
  }

  /** NOTIF-002: rest-hook, payload empty or FHIR JSON, headers as {@link #HEADER}. */
  static Verdict channel(Subscription.SubscriptionChannelComponent channel) {
    Verdict verdict = Verdict.allowed();
    if (channel.getType() != Subscription.SubscriptionChannelType.RESTHOOK) {
      verdict = verdict.and(Verdict.refused(NotificationRules.CHANNEL, "Only rest-hook Subscriptions are delivered"
          + " (channel.type = rest-hook)", "Subscription.channel.type"));
    }
    String payload = channel.hasPayload() ? channel.getPayload().toLowerCase(Locale.ROOT).trim() : "";
    if (!payload.isEmpty() && !payload.equals(FHIR_JSON)) {
      verdict = verdict.and(Verdict.refused(NotificationRules.CHANNEL, "channel.payload is empty (only the focus"
          + " reference is sent) or " + FHIR_JSON + ", not '" + channel.getPayload() + "'", "Subscription.channel.payload"));
    }
    for (var header : channel.getHeader()) {
      if (!HEADER.matcher(header.getValue() == null ? "" : header.getValue()).matches()) {
        verdict = verdict.and(Verdict.refused(NotificationRules.CHANNEL, "channel.header must be 'Authorization: ...' or"
            + " 'X-Name: value' (printable, at most 500 characters; X-KF- is the gateway's own)",
            "Subscription.channel.header"));
      }
    }
    return verdict;
  }

  /** NOTIF-003: a client never sets error; it may ask for requested, active or off. */
  static Verdict status(Subscription.SubscriptionStatus status) {
    return status == Subscription.SubscriptionStatus.ERROR
        ? Verdict.refused(NotificationRules.STATUS, "status 'error' is set by the gateway when deliveries fail; to"
            + " resume a Subscription set status to 'requested'", "Subscription.status")
        : Verdict.allowed();
  }
}
