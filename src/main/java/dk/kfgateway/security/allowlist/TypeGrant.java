package dk.kfgateway.security.allowlist;

import java.util.Set;

/**
 * What one role may do with one resource type: its interactions, the search parameters (exact keys, modifiers and
 * chains only where written out), the {@code _sort} keys, the {@code _include} and {@code _revinclude} values and the
 * operations on an instance; and the search parameters a Subscription's criteria may use ({@code subscribe}: a subset
 * of {@code search} that the gateway matches in memory on each change; none, and the type cannot be subscribed to).
 */
public record TypeGrant(
    Set<Interaction> interactions,
    Set<String> search,
    Set<String> sort,
    Set<String> include,
    Set<String> revinclude,
    Set<String> operations,
    Set<String> subscribe) {

  public TypeGrant {
    interactions = Set.copyOf(interactions);
    search = Set.copyOf(search);
    sort = Set.copyOf(sort);
    include = Set.copyOf(include);
    revinclude = Set.copyOf(revinclude);
    operations = Set.copyOf(operations);
    subscribe = Set.copyOf(subscribe);
    if (!search.containsAll(subscribe)) {
      throw new IllegalStateException("subscribe " + subscribe + " must be search parameters of the type too");
    }
  }

  public boolean allows(Interaction interaction) {
    return interactions.contains(interaction);
  }
}
