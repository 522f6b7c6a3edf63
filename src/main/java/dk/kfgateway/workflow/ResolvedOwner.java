package dk.kfgateway.workflow;

import java.util.Set;

/**
 * An owner reference resolved by an {@link OwnerDirectory}: the organisation it belongs to (e.g.
 * "Organization/kf-holbaek"; for an Organization, itself), whether it is a PractitionerRole, and that role's codes
 * from kf-practitioner-roles (e.g. health-coordinator, secretary).
 */
public record ResolvedOwner(String organisation, boolean practitionerRole, Set<String> roleCodes) {

  public ResolvedOwner {
    roleCodes = Set.copyOf(roleCodes);
  }

  public static ResolvedOwner organisation(String organisation) {
    return new ResolvedOwner(organisation, false, Set.of());
  }

  public static ResolvedOwner practitionerRole(String organisation, String... roleCodes) {
    return new ResolvedOwner(organisation, true, Set.of(roleCodes));
  }

  /** A sundhedskoordinator: a PractitionerRole coded health-coordinator. */
  public boolean isHealthCoordinator() {
    return practitionerRole && roleCodes.contains(WorkflowCodes.HEALTH_COORDINATOR);
  }
}
