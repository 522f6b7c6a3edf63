package dk.kfgateway.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import dk.kfgateway.facts.CaseFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * What the workflow needs to know beyond the task itself, read from storage: its earlier versions, its referral, the
 * requesting municipality, and who an owner reference is ({@link OwnerDirectory}).
 */
public class TaskRecords implements OwnerDirectory {

  private final DaoRegistry daos;
  private final CaseFacts facts;

  public TaskRecords(DaoRegistry daos, CaseFacts facts) {
    this.daos = daos;
    this.facts = facts;
  }

  /**
   * The stored versions of a task, newest first, back to and including the newest one that is not on hold: all that
   * resuming needs (when the hold began, and the status before it). Read by version, not by a history search, which
   * HAPI would cache in the middle of the update's transaction.
   */
  public List<Task> versionsSinceHold(Task current) {
    List<Task> versions = new ArrayList<>();
    long version = Long.parseLong(current.getMeta().getVersionId());
    Task task = current;
    versions.add(task);
    while (task.getStatus() == Task.TaskStatus.ONHOLD && --version >= 1) {
      task = version(current.getIdElement(), version);
      versions.add(task);
    }
    return versions;
  }

  /** When the case reached the region's mailbox (the gateway): the moment its task was first stored (bkg 2019 §24). */
  public Instant receivedAt(Task current) {
    return version(current.getIdElement(), 1).getMeta().getLastUpdated().toInstant();
  }

  private Task version(IdType id, long version) {
    return daos.getResourceDao(Task.class)
        .read(id.toUnqualifiedVersionless().withVersion(Long.toString(version)), new SystemRequestDetails());
  }

  /** When the current on-hold period began: the oldest version of the newest run of on-hold versions. */
  public static Optional<Instant> holdStart(List<Task> versionsNewestFirst) {
    Instant start = null;
    for (Task version : versionsNewestFirst) {
      if (version.getStatus() != Task.TaskStatus.ONHOLD) {
        break;
      }
      start = version.getMeta().getLastUpdated().toInstant();
    }
    return Optional.ofNullable(start);
  }

  /** A stored Task by reference, e.g. "Task/123". */
  public Optional<Task> task(String reference) {
    return facts.read(reference, Task.class);
  }

  public Optional<ServiceRequest> referralOf(Task task) {
    return read(task.getFocus(), ServiceRequest.class);
  }

  /** The Organization id (e.g. municipality-holbaek) behind the task's requester. */
  public Optional<String> municipalityOf(Task task) {
    Reference requester = task.getRequester();
    if (requester.getReference() != null && requester.getReference().startsWith("Organization/")) {
      return Optional.of(new IdType(requester.getReference()).getIdPart());
    }
    return read(requester, PractitionerRole.class).map(r -> new IdType(r.getOrganization().getReference()).getIdPart());
  }

  @Override
  public Optional<ResolvedOwner> find(Reference owner) {
    String type = new IdType(owner.getReference()).getResourceType();
    if ("Organization".equals(type)) {
      return read(owner, Organization.class).map(o -> ResolvedOwner.organisation(unqualified(owner.getReference())));
    }
    return read(owner, PractitionerRole.class)
        .map(role -> new ResolvedOwner(unqualified(role.getOrganization().getReference()), true, codes(role)));
  }

  private static Set<String> codes(PractitionerRole role) {
    return role.getCode().stream().flatMap(c -> c.getCoding().stream()).map(c -> c.getCode()).collect(Collectors.toSet());
  }

  private static String unqualified(String reference) {
    return new IdType(reference).toUnqualifiedVersionless().getValue();
  }

  private <T extends IBaseResource> Optional<T> read(Reference reference, Class<T> type) {
    return reference == null ? Optional.empty() : facts.read(reference.getReference(), type);
  }
}
