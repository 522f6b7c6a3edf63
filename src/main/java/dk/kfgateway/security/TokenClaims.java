package dk.kfgateway.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The claims of a gateway access token and how a {@link Caller} is read from them. The embedded authorisation server
 * writes these names ({@link GatewayTokenCustomizer}); an external issuer must write the same for its clients.
 */
public final class TokenClaims {

  /** The Organization the client acts for, e.g. {@code Organization/municipality-holbaek}. */
  public static final String ORGANIZATION = "kf_org";
  /** The {@link PartyRole} of the client, e.g. {@code MUNICIPALITY}. */
  public static final String ROLE = "kf_role";
  /** Optionally the PractitionerRole of the person behind the system, e.g. {@code PractitionerRole/secretary-kf}. */
  public static final String PRACTITIONER_ROLE = "kf_practitioner_role";
  /** The user name of the person signed in through the client (the console); absent in a client system's token. */
  public static final String PERSON = "kf_person";
  /** The person's name (OpenID Connect's {@code name}), shown and audited. */
  public static final String PERSON_NAME = "name";
  /** SMART scopes: a JSON array or a space-separated string (both occur in the wild). */
  public static final String SCOPE = "scope";

  private TokenClaims() {}

  /** The caller the claims describe; empty when the token does not name a known role and an organisation. */
  public static Optional<Caller> caller(Map<String, Object> claims) {
    Optional<PartyRole> role = role(claims.get(ROLE));
    String organization = text(claims.get(ORGANIZATION));
    if (role.isEmpty() || organization == null) {
      return Optional.empty();
    }
    String person = text(claims.get(PERSON));
    return Optional.of(new Caller(clientId(claims), role.get(), organization, text(claims.get(PRACTITIONER_ROLE)),
        scopes(claims), person == null ? null : new Caller.Person(person, nameOf(person, claims))));
  }

  private static String nameOf(String person, Map<String, Object> claims) {
    String name = text(claims.get(PERSON_NAME));
    return name == null ? person : name;
  }

  /** {@code client_id} (RFC 9068), else {@code azp}, else {@code sub} (what the embedded server writes). */
  static String clientId(Map<String, Object> claims) {
    for (String name : new String[] {"client_id", "azp", "sub"}) {
      String value = text(claims.get(name));
      if (value != null) {
        return value;
      }
    }
    return "unknown";
  }

  static Set<String> scopes(Map<String, Object> claims) {
    Object scope = claims.getOrDefault(SCOPE, claims.get("scp"));
    Set<String> scopes = new LinkedHashSet<>();
    if (scope instanceof Collection<?> values) {
      values.forEach(v -> scopes.add(String.valueOf(v)));
    } else if (scope instanceof String text && !text.isBlank()) {
      scopes.addAll(Arrays.asList(text.trim().split("\\s+")));
    }
    return scopes;
  }

  private static Optional<PartyRole> role(Object value) {
    String text = text(value);
    try {
      return text == null ? Optional.empty() : Optional.of(PartyRole.valueOf(text));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
