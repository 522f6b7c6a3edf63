package dk.kfgateway.access;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import dk.kfgateway.consent.ArrivingConsentRelease;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Task;

/**
 * Brings the access labels of a citizen's case file up to date: reads the file, asks {@link AccessLabelPolicy} and
 * adds or removes only the labels that differ ({@code $meta-add} / {@code $meta-delete} semantics: no new version of
 * the resource). Runs inside the transaction of the write that changed the case.
 */
public class Labeller {

  private static final String LABELLING = Labeller.class.getName();

  private final AccessLabelPolicy policy = new AccessLabelPolicy();
  private final DaoRegistry daos;
  private final CaseFiles files;
  private final Function<String, Optional<String>> organisationOf;
  private final Predicate<Task> consentHolds;
  private final ArrivingConsentRelease arriving;
  private final jakarta.persistence.EntityManager entities;

  Labeller(DaoRegistry daos, CaseFiles files, Function<String, Optional<String>> organisationOf,
      Predicate<Task> consentHolds, ArrivingConsentRelease arriving, jakarta.persistence.EntityManager entities) {
    this.arriving = arriving;
    this.entities = entities;
    this.daos = daos;
    this.files = files;
    this.organisationOf = organisationOf;
    this.consentHolds = consentHolds;
  }

  /** True for the storage calls the labeller itself makes; other hooks leave them alone (only labels change). */
  public static boolean isLabelling(RequestDetails request) {
    return request != null && request.getUserData().containsKey(LABELLING);
  }

  /** Relabels the case file of this citizen ({@code Patient/x}). */
  public void relabel(String patient) {
    flushAndClear();
    RequestDetails request = labelling();
    relabel(files.of(patient, request), consentHolds, request).forEach(Runnable::run);
  }

  /**
   * Relabels a case file already in hand: the file of a citizen created by the current transaction, which holds
   * nothing but what that transaction wrote (nobody else can have referred to a citizen that did not exist yet), its
   * consents included, so that the consent decision needs no search either. Its labels were mostly foreseen as it was
   * stored ({@link LabelForecast}): the session is flushed and cleared only when a label is left to change.
   */
  public void relabel(CaseFile file) {
    List<Runnable> changes =
        relabel(file, LabelForecast.consentWithin(file, AccessLabelPolicy::id, arriving), labelling());
    if (!changes.isEmpty()) {
      flushAndClear();
      changes.forEach(Runnable::run);
    }
  }

  /**
   * What the transaction wrote is flushed before the labels are changed or the case file read, so that the file is
   * read from the database as it will commit, and the session is cleared: HAPI loads tags by query, which Hibernate
   * refuses beside the same rows just written.
   */
  private void flushAndClear() {
    entities.flush();
    entities.clear();
  }

  private static RequestDetails labelling() {
    RequestDetails request = new SystemRequestDetails();
    request.getUserData().put(LABELLING, Boolean.TRUE);
    return request;
  }

  /** The label changes the file needs, each to be run in turn: none when its labels are current. */
  private List<Runnable> relabel(CaseFile file, Predicate<Task> consentHolds, RequestDetails request) {
    Map<String, IBaseResource> stored = new java.util.HashMap<>();
    if (file.patient() != null) {
      stored.put(AccessLabelPolicy.id(file.patient()), file.patient());
    }
    java.util.stream.Stream.of(file.tasks(), file.requests(), file.consents(), file.documents(), file.binaries(),
        file.communications()).flatMap(java.util.List::stream).forEach(r -> stored.put(AccessLabelPolicy.id(r), r));
    List<Runnable> changes = new ArrayList<>();
    policy.labels(file, organisationOf, consentHolds).forEach((id, wanted) ->
        change(stored.get(id), wanted, request).ifPresent(changes::add));
    return changes;
  }

  /** The labels the case file of this citizen would get now, by {@code Type/id}; nothing is written. */
  Map<String, Set<String>> labelsNow(String patient) {
    return policy.labels(files.of(patient, new SystemRequestDetails()), organisationOf, consentHolds);
  }

  /** The labels a Task or Communication carries from its own parties. */
  Set<String> own(IBaseResource resource) {
    return policy.own(resource, organisationOf);
  }

  /** The labels to add and to take off a resource ({@code $meta-add} / {@code $meta-delete}), if any differ. */
  private Optional<Runnable> change(IBaseResource resource, Set<String> wanted, RequestDetails request) {
    Set<String> current = AccessLabels.of(resource);
    Set<String> added = new TreeSet<>(wanted);
    added.removeAll(current);
    Set<String> removed = new TreeSet<>(current);
    removed.removeAll(wanted);
    if (added.isEmpty() && removed.isEmpty()) {
      return Optional.empty();
    }
    IdType id = new IdType(AccessLabelPolicy.id(resource));
    return Optional.of(() -> {
      if (!added.isEmpty()) {
        daos.getResourceDao(resource.fhirType()).metaAddOperation(id, meta(added), request);
      }
      if (!removed.isEmpty()) {
        daos.getResourceDao(resource.fhirType()).metaDeleteOperation(id, meta(removed), request);
      }
    });
  }

  private static Meta meta(Set<String> codes) {
    Meta meta = new Meta();
    codes.forEach(code -> meta.addSecurity(AccessLabels.SYSTEM, code, null));
    return meta;
  }
}
