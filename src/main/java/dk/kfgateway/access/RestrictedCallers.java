package dk.kfgateway.access;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import dk.kfgateway.security.Caller;
import java.util.Optional;
import java.util.Set;

/**
 * The callers whose access is narrowed: every authenticated client but those configured as unrestricted
 * ({@code gateway.security.unrestricted-clients}: test and migration tools). The gateway's own calls have no caller.
 */
public record RestrictedCallers(Set<String> unrestrictedClients) {

  public RestrictedCallers {
    unrestrictedClients = Set.copyOf(unrestrictedClients);
  }

  public Optional<Caller> of(RequestDetails request) {
    return Caller.of(request).filter(c -> !unrestrictedClients.contains(c.clientId()));
  }
}
