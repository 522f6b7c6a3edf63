package dk.kfgateway.security.allowlist;

import java.util.Locale;

/**
 * The FHIR interactions a party may be granted on a resource type, in the words of the FHIR REST API. Instance history,
 * tags, {@code $meta}, GraphQL, system search and batch are deliberately not here: no party's work needs them.
 */
public enum Interaction {
  READ,
  VREAD,
  SEARCH,
  CREATE,
  UPDATE,
  PATCH,
  DELETE;

  /** As written in the declaration and in FHIR: {@code read}, {@code vread}, ... */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Interaction of(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
