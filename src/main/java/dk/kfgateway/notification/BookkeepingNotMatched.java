package dk.kfgateway.notification;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import java.util.Set;

/**
 * The gateway's own bookkeeping (the audit trail, provenance) is never offered to subscription matching: every read
 * writes an AuditEvent, and queuing each one for HAPI's matcher is work for nothing, since nobody may subscribe to
 * these types (SEC-006 limits criteria to one's own cases).
 */
@Interceptor
public class BookkeepingNotMatched {

  static final Set<String> BOOKKEEPING = Set.of("AuditEvent", "Provenance");

  /** Returning false keeps the message out of the matching queue. */
  @Hook(Pointcut.SUBSCRIPTION_RESOURCE_MODIFIED)
  public boolean offer(ResourceModifiedMessage message) {
    String type = message.getPayloadId() == null ? null : message.getPayloadId().split("/")[0];
    return !BOOKKEEPING.contains(type);
  }
}
