package dk.kfgateway.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the client system, the organisation and role it acts for (from its token), optionally the person's
 * PractitionerRole, and its SMART scopes. Attached to HAPI's {@link RequestDetails} once authenticated; every rule
 * that depends on the caller reads it from there. Internal calls of the gateway itself have no caller.
 *
 * @param organization a reference such as {@code Organization/municipality-holbaek}
 * @param practitionerRole a reference such as {@code PractitionerRole/caseworker-holbaek}, or null
 */
public record Caller(
    String clientId, PartyRole role, String organization, String practitionerRole, Set<String> scopes) {

  private static final String KEY = Caller.class.getName();

  public Caller {
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
  }

  public static Optional<Caller> of(RequestDetails request) {
    return request == null ? Optional.empty() : Optional.ofNullable((Caller) request.getUserData().get(KEY));
  }

  public void attachTo(RequestDetails request) {
    request.getUserData().put(KEY, this);
  }

  public boolean actsFor(String organizationReference) {
    return organization.equals(organizationReference);
  }
}
