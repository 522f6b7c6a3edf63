package dk.kfgateway.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMART system scope, read in both grammars: v2 ({@code system/Task.rs}, {@code system/*.cruds}) and v1
 * ({@code system/Task.read}, {@code .write}, {@code .*}). Only {@code system/} scopes count, as this is a backend
 * services API; a v2 scope with a search restriction ({@code system/Task.rs?status=requested}) grants nothing here,
 * since restricting by search parameters is not enforced: refusing is the safe reading.
 */
public record SmartScope(String resourceType, Set<SmartAction> actions) {

  private static final Pattern SCOPE = Pattern.compile("system/([A-Za-z]+|\\*)\\.([a-z*]+)");

  public static Optional<SmartScope> parse(String scope) {
    Matcher m = SCOPE.matcher(scope);
    if (!m.matches()) {
      return Optional.empty();
    }
    return actions(m.group(2)).map(actions -> new SmartScope(m.group(1), actions));
  }

  /** The scope a client needs for one action on one type, in v2 form, e.g. {@code system/Task.u}. */
  public static String required(String resourceType, SmartAction action) {
    return "system/" + resourceType + "." + action.letter();
  }

  public boolean allows(String type, SmartAction action) {
    return ("*".equals(resourceType) || resourceType.equals(type)) && actions.contains(action);
  }

  private static Optional<Set<SmartAction>> actions(String permissions) {
    return switch (permissions) {
      case "read" -> Optional.of(EnumSet.of(SmartAction.READ, SmartAction.SEARCH));
      case "write" -> Optional.of(EnumSet.of(SmartAction.CREATE, SmartAction.UPDATE, SmartAction.DELETE));
      case "*" -> Optional.of(EnumSet.allOf(SmartAction.class));
      default -> letters(permissions);
    };
  }

  /** v2: a non-empty subset of "cruds" in that order (SmartAction is declared in that order). */
  private static Optional<Set<SmartAction>> letters(String permissions) {
    Set<SmartAction> actions = EnumSet.noneOf(SmartAction.class);
    int from = 0;
    for (char letter : permissions.toCharArray()) {
      int at = "cruds".indexOf(letter, from);
      if (at < 0) {
        return Optional.empty();
      }
      actions.add(SmartAction.values()[at]);
      from = at + 1;
    }
    return actions.isEmpty() ? Optional.empty() : Optional.of(actions);
  }
}
