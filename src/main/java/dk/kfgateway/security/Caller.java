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
 * @param person the person signed in through the client (the console), or null for a client system
 */
public record Caller(
    String clientId, PartyRole role, String organization, String practitionerRole, Set<String> scopes,
    Person person) {

  private static final String KEY = Caller.class.getName();

  public Caller {
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
  }

  /** A client system acting for itself. */
  public Caller(String clientId, PartyRole role, String organization, String practitionerRole, Set<String> scopes) {
    this(clientId, role, organization, practitionerRole, scopes, null);
  }

  /**
   * A person signed in to a client (the console), as the identity provider names them.
   *
   * @param id the user name ({@code sub})
   * @param name the name shown and audited
   */
  public record Person(String id, String name) {}

  /**
   * Who the gateway tells apart, e.g. as the owner of a search's pages: the client, and the person signed in through
   * it (the people of one console must not share their pages).
   */
  public String party() {
    return person == null ? clientId : clientId + "/" + person.id();
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
