package dk.kfgateway.notification;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.pipeline.Step;
import dk.kfgateway.pipeline.Write;
import dk.kfgateway.pipeline.WriteStep;
import dk.kfgateway.security.Caller;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Subscription;

/**
 * Enforces SEC-009 ({@link RegisteredEndpointRule}) on every Subscription a client creates or changes, in every path
 * (alone, conditional, patch, in a transaction), after the check of whose cases it watches (SEC-006). The gateway's
 * own writes (HAPI activating a subscription, delivery failures) have no caller and pass; unrestricted clients
 * ({@code gateway.security.unrestricted-clients}) are exempt.
 */
public class SubscriptionEndpointGuard implements WriteStep {

  private final RegisteredEndpointRule rule;
  private final Set<String> unrestricted;

  SubscriptionEndpointGuard(RegisteredEndpointRule rule, Set<String> unrestricted) {
    this.rule = rule;
    this.unrestricted = Set.copyOf(unrestricted);
  }

  @Override
  public Step step() {
    return Step.SUBSCRIPTION_ENDPOINT;
  }

  @Override
  public void apply(Write write) {
    check(write.resource(), write.request());
  }

  private void check(IBaseResource resource, RequestDetails request) {
    if (resource instanceof Subscription subscription) {
      Caller.of(request).filter(caller -> !unrestricted.contains(caller.clientId())).ifPresent(caller ->
          Refusals.enforce(rule.check(caller.clientId(), subscription.getChannel().getEndpoint())));
    }
  }
}
