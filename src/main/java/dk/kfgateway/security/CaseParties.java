package dk.kfgateway.security;

import java.util.HashSet;
import java.util.Set;

/**
 * The organisations a piece of case data belongs to, as looked up in storage: who requested the case (the
 * municipality), who owns its tasks (Klinisk Funktion), to whom a copy was addressed (a GP clinic, or the municipality
 * for a result) and who wrote it. Every element is an Organization reference such as
 * {@code Organization/municipality-holbaek}.
 */
public record CaseParties(Set<String> requesters, Set<String> owners, Set<String> recipients, Set<String> authors) {

  public static final CaseParties NONE = new CaseParties(Set.of(), Set.of(), Set.of(), Set.of());

  public CaseParties {
    requesters = Set.copyOf(requesters);
    owners = Set.copyOf(owners);
    recipients = Set.copyOf(recipients);
    authors = Set.copyOf(authors);
  }

  public CaseParties and(CaseParties other) {
    return new CaseParties(union(requesters, other.requesters), union(owners, other.owners),
        union(recipients, other.recipients), union(authors, other.authors));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
