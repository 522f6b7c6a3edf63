package dk.kfgateway.security.allowlist;

import dk.kfgateway.security.PartyRole;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The README's table "What each party may do", written from the declaration, so that the documentation cannot drift
 * from what is enforced (a test compares the README with this table).
 */
public final class AllowListTable {

  public static final String START = "<!-- allow-list: generated from security/allow-list.yaml -->";
  public static final String END = "<!-- allow-list: end -->";

  private AllowListTable() {}

  public static String markdown(AllowList allowList) {
    StringBuilder table = new StringBuilder(START).append('\n')
        .append("| party | resource | interactions | search parameters | _sort, _include | operations |\n")
        .append("|---|---|---|---|---|---|\n");
    for (PartyRole role : PartyRole.values()) {
      RoleGrants grants = allowList.of(role);
      if (grants.mayTransact()) {
        table.append("| ").append(role).append(" | transaction | create ")
            .append(String.join(", ", new TreeSet<>(grants.transactionCreates())))
            .append(conditional(grants.conditionalCreates())).append(" | | | |\n");
      }
      if (!grants.systemOperations().isEmpty()) {
        table.append("| ").append(role).append(" | (system) | | | | ")
            .append(String.join(", ", new TreeSet<>(grants.systemOperations()))).append(" |\n");
      }
      new TreeSet<>(grants.types().keySet()).forEach(type -> row(table, role, type, grants.types().get(type)));
    }
    return table.append(END).append('\n').toString();
  }

  private static String conditional(Map<String, String> creates) {
    return creates.entrySet().stream()
        .map(e -> "; conditional create of " + e.getKey() + " only by `" + e.getValue().replace("|", "\\|") + "<value>`, in a referral (a transaction that creates a "
            + AllowList.REFERRAL + ")")
        .collect(Collectors.joining());
  }

  private static void row(StringBuilder table, PartyRole role, String type, TypeGrant grant) {
    String sortAndInclude = join("_sort ", grant.sort()) + (grant.sort().isEmpty() || grant.include().isEmpty() ? "" : "; ")
        + join("_include ", grant.include()) + join("; _revinclude ", grant.revinclude());
    table.append("| ").append(role).append(" | ").append(type).append(" | ")
        .append(grant.interactions().stream().sorted().map(Interaction::code).collect(Collectors.joining(", ")))
        .append(" | ").append(String.join(", ", new TreeSet<>(grant.search())))
        .append(" | ").append(sortAndInclude)
        .append(" | ").append(String.join(", ", new TreeSet<>(grant.operations()))).append(" |\n");
  }

  private static String join(String label, Collection<String> values) {
    return values.isEmpty() ? "" : label + String.join(", ", new TreeSet<>(values));
  }
}
