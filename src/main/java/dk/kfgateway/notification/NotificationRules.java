package dk.kfgateway.notification;

import dk.kfgateway.rules.RuleRef;

/** The rules of notifications, each with its source. */
final class NotificationRules {

  /**
   * NOTIF-001: criteria use only the parameters the role may subscribe with (allow-list "subscribe", a subset of what it
   * may search) and can be matched in memory, so that no change ever runs a search in the database for a subscriber.
   */
  static final RuleRef CRITERIA = new RuleRef("NOTIF-001",
      "bkg 2019 §3 (only the data each party's work needs); FHIR R4 Subscription.criteria");

  /** NOTIF-002: a rest-hook channel, payload empty or application/fhir+json, headers the gateway may pass on. */
  static final RuleRef CHANNEL = new RuleRef("NOTIF-002", "FHIR R4 Subscription.channel (rest-hook)");

  /** NOTIF-003: status error is the gateway's to set; a client resumes by setting requested (or active) again. */
  static final RuleRef STATUS = new RuleRef("NOTIF-003", "FHIR R4 Subscription.status");

  /**
   * NOTIF-004: a Subscription is changed or deleted only by the client that created it (another client of the same
   * organisation, or the administrator who reads them all, may not turn it off or point it elsewhere).
   */
  static final RuleRef OWNER = new RuleRef("NOTIF-004", "bkg 2019 §3; FHIR R4 Subscription");

  private NotificationRules() {}
}
