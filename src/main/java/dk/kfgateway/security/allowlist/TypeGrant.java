package dk.kfgateway.security.allowlist;

import java.util.Set;

/**
 * What one role may do with one resource type: its interactions, the search parameters (exact keys, modifiers and
 * chains only where written out), the {@code _sort} keys, the {@code _include} and {@code _revinclude} values and the
 * operations on an instance.
 */
public record TypeGrant(
    Set<Interaction> interactions,
    Set<String> search,
    Set<String> sort,
    Set<String> include,
    Set<String> revinclude,
    Set<String> operations) {

  public TypeGrant {
    interactions = Set.copyOf(interactions);
    search = Set.copyOf(search);
    sort = Set.copyOf(sort);
    include = Set.copyOf(include);
    revinclude = Set.copyOf(revinclude);
    operations = Set.copyOf(operations);
  }

  public boolean allows(Interaction interaction) {
    return interactions.contains(interaction);
  }
}
