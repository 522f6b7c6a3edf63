package dk.kfgateway.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints transition rows as a Markdown table, grouping the roles of one move on one line. */
final class TransitionTableFormat {

  private TransitionTableFormat() {}

  static String markdown(List<Transition> rows) {
    Map<String, List<Transition>> byMove = new LinkedHashMap<>();
    rows.forEach(r -> byMove.computeIfAbsent(r.move(), k -> new ArrayList<>()).add(r));
    StringBuilder out = new StringBuilder("| from | to | roles | source |\n|---|---|---|---|\n");
    byMove.values().forEach(group -> {
      Transition first = group.get(0);
      String roles = group.stream().map(r -> r.role().name()).collect(Collectors.joining(", "));
      out.append("| ").append(first.from().toCode()).append(" | ").append(first.to().toCode())
          .append(" | ").append(roles).append(" | ").append(first.source()).append(" |\n");
    });
    return out.toString();
  }

  /** "in-progress, on-hold, cancelled" or "none", naming where {@code role} can go from a state. */
  static String targets(List<Transition> allowed) {
    return allowed.isEmpty()
        ? "none"
        : allowed.stream().map(r -> r.to().toCode()).distinct().collect(Collectors.joining(", "));
  }
}
