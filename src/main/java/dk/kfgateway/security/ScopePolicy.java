package dk.kfgateway.security;

import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Whether a caller's SMART scopes cover what a request does: each {@link RequestedAccess.Access} (type and action)
 * needs a scope that allows it, and each one missing is named in the refusal ({@code requires system/Task.u}), so that
 * the integrator knows which scope to ask for or to have registered.
 */
public final class ScopePolicy {

  public static final RuleRef SCOPE_RULE =
      new RuleRef("SEC-002", "SMART App Launch 2.x, scopes for backend services (system/<type>.<cruds>)");

  public Verdict check(Caller caller, Collection<RequestedAccess.Access> accesses) {
    List<SmartScope> granted = granted(caller);
    Verdict verdict = Verdict.allowed();
    for (RequestedAccess.Access access : accesses.stream().distinct().toList()) {
      if (granted.stream().noneMatch(scope -> scope.allows(access.resourceType(), access.action()))) {
        verdict = verdict.and(refusal(caller, access));
      }
    }
    return verdict;
  }

  /**
   * Whether the caller may see a resource of this type among the results (a search's {@code _include}s and
   * {@code _revinclude}s): it needs read or search on it.
   */
  public boolean maySee(Caller caller, String resourceType) {
    return granted(caller).stream()
        .anyMatch(s -> s.allows(resourceType, SmartAction.READ) || s.allows(resourceType, SmartAction.SEARCH));
  }

  private static List<SmartScope> granted(Caller caller) {
    return caller.scopes().stream().map(SmartScope::parse).flatMap(Optional::stream).toList();
  }

  private static Verdict refusal(Caller caller, RequestedAccess.Access access) {
    String required = SmartScope.required(access.resourceType(), access.action());
    String message =
        "Client " + caller.clientId() + " (" + caller.role() + ", " + caller.organization() + ") may not "
            + access.action().verb() + " " + access.resourceType() + ": requires " + required;
    return Verdict.of(new Violation(SCOPE_RULE, Violation.Kind.NOT_PERMITTED, message, null));
  }
}
