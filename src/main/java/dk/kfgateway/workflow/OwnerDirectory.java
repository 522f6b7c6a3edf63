package dk.kfgateway.workflow;

import java.util.Optional;
import org.hl7.fhir.r4.model.Reference;

/**
 * Tells what stands behind a Task.owner reference. The pure rules cannot read resources, yet the owner may move from
 * the clinic's Organization to one of its coordinators' PractitionerRoles; the storage adapter implements this by
 * reading the Organization or PractitionerRole (and its {@code organization} and {@code code}).
 */
@FunctionalInterface
public interface OwnerDirectory {

  /** The resolved owner, or empty when the reference points at nothing the gateway knows. */
  Optional<ResolvedOwner> find(Reference owner);
}
