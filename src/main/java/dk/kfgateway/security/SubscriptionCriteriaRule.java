package dk.kfgateway.security;

import dk.kfgateway.rules.Verdict;
import java.util.Map;
import java.util.Optional;

/**
 * A Subscription watches only the caller's own cases: its criteria name one resource type and, as a plain parameter
 * without modifier or alternatives, the caller's own organisation (or one of its PractitionerRoles) in the parameter
 * that says whose the cases are: the clinic {@code Task?owner=<own>}, a municipality {@code Task?requester=<own>} or
 * {@code Communication?recipient=<own>}, a GP {@code Communication?recipient=<own>}, the administrator
 * {@code AuditEvent?...}.
 */
final class SubscriptionCriteriaRule {

  /** Per role: the watched type and the parameter that must name the caller. */
  private static final Map<PartyRole, Map<String, String>> OWN_PARAMETER = Map.of(
      PartyRole.CLINIC, Map.of("Task", "owner", "Communication", "sender"),
      PartyRole.SECRETARIAT, Map.of("Task", "owner", "Communication", "sender"),
      PartyRole.MUNICIPALITY, Map.of("Task", "requester", "Communication", "recipient"),
      PartyRole.GP, Map.of("Communication", "recipient"));

  Verdict check(Caller caller, String criteria, TenancyFacts facts) {
    String text = criteria == null ? "" : criteria.trim();
    String type = text.split("\\?", 2)[0];
    if (caller.role() == PartyRole.ADMINISTRATOR && "AuditEvent".equals(type)) {
      return Verdict.allowed();
    }
    String parameter = OWN_PARAMETER.getOrDefault(caller.role(), Map.of()).get(type);
    if (parameter != null && text.contains("?")) {
      for (String pair : text.split("\\?", 2)[1].split("&")) {
        String[] kv = pair.split("=", 2);
        if (kv.length == 2 && kv[0].equals(parameter) && !kv[1].contains(",")
            && facts.organisationOf(kv[1]).filter(caller::actsFor).isPresent()) {
          return Verdict.allowed();
        }
      }
    }
    return Verdict.notPermitted(TenantRules.OWN_SUBSCRIPTIONS_ONLY,
        caller.clientId() + " may subscribe only to its own cases" + example(caller) + "; not to '" + text + "'",
        "Subscription.criteria");
  }

  private static String example(Caller caller) {
    return Optional.ofNullable(OWN_PARAMETER.get(caller.role())).flatMap(m -> m.entrySet().stream().findFirst())
        .map(e -> ", e.g. " + e.getKey() + "?" + e.getValue() + "=" + caller.organization()).orElse("");
  }
}
