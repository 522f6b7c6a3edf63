package dk.kfgateway.security.allowlist;

import dk.kfgateway.security.PartyRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the declaration ({@code security/allow-list.yaml}, format described at its top) into an {@link AllowList}. */
public final class AllowListYaml {

  public static final String RESOURCE = "security/allow-list.yaml";

  private AllowListYaml() {}

  public static AllowList load() {
    try (InputStream in = AllowListYaml.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static AllowList parse(InputStream in) {
    Map<String, Object> root = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    Map<PartyRole, RoleGrants> roles = new EnumMap<>(PartyRole.class);
    ((Map<String, Map<String, Object>>) root.get("roles"))
        .forEach((role, body) -> roles.put(PartyRole.valueOf(role), role(body)));
    return new AllowList(roles);
  }

  @SuppressWarnings("unchecked")
  private static RoleGrants role(Map<String, Object> body) {
    Map<String, TypeGrant> types = new LinkedHashMap<>();
    ((Map<String, Map<String, Object>>) body.getOrDefault("types", Map.of()))
        .forEach((type, grant) -> types.put(type, type(grant)));
    Map<String, Object> transaction = (Map<String, Object>) body.getOrDefault("transaction", Map.of());
    return new RoleGrants(types, strings(transaction.get("create")),
        (Map<String, String>) transaction.getOrDefault("conditional-create", Map.of()));
  }

  private static TypeGrant type(Map<String, Object> grant) {
    Set<Interaction> interactions = new HashSet<>();
    strings(grant.get("interactions")).forEach(code -> interactions.add(Interaction.of(code)));
    return new TypeGrant(interactions, strings(grant.get("search")), strings(grant.get("sort")),
        strings(grant.get("include")), strings(grant.get("revinclude")), strings(grant.get("operations")),
        strings(grant.get("subscribe")));
  }

  @SuppressWarnings("unchecked")
  private static Set<String> strings(Object list) {
    return list == null ? Set.of() : Set.copyOf((List<String>) list);
  }
}
