package dk.kfgateway.notification;

import dk.kfgateway.security.PartyRole;
import java.util.List;

/**
 * One Subscription as the gateway delivers it: whose it is (the client, its role and organisation, for what a
 * notification may carry), what it watches, where to, and its delivery state.
 *
 * @param status ACTIVE (matched and delivered), ERROR (matched, kept, not delivered until resumed) or OFF
 */
record Subscriber(String subscription, String client, PartyRole role, String organization, String type,
    String criteria, String endpoint, boolean payload, List<String> headers, String status) {

  static final String ACTIVE = "ACTIVE";
  static final String ERROR = "ERROR";
  static final String OFF = "OFF";

  /** Matched on each change (so that notifications kept while in error are there when it resumes). */
  boolean watching() {
    return ACTIVE.equals(status) || ERROR.equals(status);
  }
}
