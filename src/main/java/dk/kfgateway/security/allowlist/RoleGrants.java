package dk.kfgateway.security.allowlist;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one role may do: per resource type a {@link TypeGrant}; the types a transaction Bundle may create; the
 * conditional creates allowed inside a transaction, each with the criteria it must start with (the citizen by CPR);
 * and the operations on the system ({@code $process-message}).
 */
public record RoleGrants(
    Map<String, TypeGrant> types, Set<String> transactionCreates, Map<String, String> conditionalCreates,
    Set<String> systemOperations) {

  public RoleGrants {
    types = Map.copyOf(types);
    transactionCreates = Set.copyOf(transactionCreates);
    conditionalCreates = Map.copyOf(conditionalCreates);
    systemOperations = Set.copyOf(systemOperations);
  }

  public RoleGrants(Map<String, TypeGrant> types, Set<String> transactionCreates, Map<String, String> conditionalCreates) {
    this(types, transactionCreates, conditionalCreates, Set.of());
  }

  public Optional<TypeGrant> on(String type) {
    return Optional.ofNullable(type).map(types::get);
  }

  public boolean mayTransact() {
    return !transactionCreates.isEmpty();
  }
}
