package dk.kfgateway.access;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import dk.kfgateway.pipeline.Step;
import dk.kfgateway.pipeline.Write;
import dk.kfgateway.pipeline.WritePhase;
import dk.kfgateway.pipeline.WriteStep;
import dk.kfgateway.security.Caller;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the access labels current in the same database transaction as the data (isolation in the query, bkg 2019 §3):
 * a Task, a Communication and a Subscription get the labels of their own parties as they are stored, and a new
 * citizen's case file those {@link LabelForecast} foresees; every write of
 * case data marks its citizen, and just before the transaction commits each marked citizen's case file is relabelled
 * once ({@link Labeller}; a citizen the transaction created from what it stored, without reading the file back),
 * whatever wrote it: a client, a referral transaction, or the gateway itself (consent holds,
 * copies, demo data). Nothing commits with stale labels, and nothing is labelled that did not commit.
 */
public class LabelMaintenance implements WriteStep {

  private final Labeller labeller;
  private final CaseFiles files;
  private final LabelForecast forecast;
  private final Set<String> administrators;

  /** @param administrators the organisations of the administrator's clients, who see every Subscription's state */
  LabelMaintenance(Labeller labeller, CaseFiles files, LabelForecast forecast, Set<String> administrators) {
    this.labeller = labeller;
    this.files = files;
    this.forecast = forecast;
    this.administrators = Set.copyOf(administrators);
  }

  @Override
  public Step step() {
    return Step.ACCESS_LABELS;
  }

  @Override
  public void apply(Write write) {
    switch (write.phase()) {
      case CREATE -> {
        labelOwn(write.resource(), write.request());
        addLabels(write.resource(), forecast.of(write.resource(), write.request()));
      }
      case UPDATE -> {
        if (!Labeller.isLabelling(write.request())) { // the labeller's own update changes only the labels
          labelOwn(write.resource(), write.request());
        }
      }
      default -> mark(write); // before commit: created, updated or deleted
    }
  }

  private void labelOwn(IBaseResource resource, RequestDetails request) {
    if (Caller.of(request).isPresent()) {
      AccessLabels.strip(resource); // the gateway writes the labels alone; what a client sends there is dropped
    }
    Set<String> own = new TreeSet<>(labeller.own(resource));
    if (resource instanceof Subscription) {
      Caller.of(request).map(c -> AccessLabels.code(c.organization())).ifPresent(own::add);
      // the administrator lists failing subscriptions (README "Notifications"); it cannot change another party's
      administrators.forEach(org -> own.add(AccessLabels.code(org)));
    }
    addLabels(resource, own);
  }

  private static void addLabels(IBaseResource resource, Set<String> labels) {
    if (!labels.isEmpty()) {
      Set<String> all = new TreeSet<>(labels);
      all.addAll(AccessLabels.of(resource));
      AccessLabels.set(resource, all);
    }
  }

  /**
   * Remembers the written resource as stored (references resolved: HAPI calls this once a transaction has stored all
   * its entries); its citizen is found once everything of the transaction is stored. A Task moved along the workflow
   * without a change the labels depend on is not remembered: its own labels were set as it was stored, and its file's
   * stay as they are ({@link AccessLabelPolicy#sameLabelsAfter}).
   */
  private void mark(Write write) {
    IBaseResource resource = write.resource();
    if (Labeller.isLabelling(write.request()) || !AccessLabels.LABELLED_TYPES.contains(resource.fhirType())
        || !resource.getIdElement().hasIdPart() || !TransactionSynchronizationManager.isSynchronizationActive()
        || write.previous() instanceof Task before && resource instanceof Task after
            && AccessLabelPolicy.sameLabelsAfter(before, after)) {
      return;
    }
    written().add(write.phase(), resource);
    // a change of citizen (only the gateway's own writes can make one, SEC-011) relabels the one it leaves, too
    Optional<String> left = CitizenReference.of(write.previous()).map(r -> r.getReference());
    if (left.filter(c -> c.startsWith("Patient/")).isPresent()
        && !left.equals(CitizenReference.of(resource).map(r -> r.getReference()))) {
      written().ids.add(left.get());
    }
  }

  /** The citizens of what was written, each relabelled once. */
  private void relabel(Written written) {
    Set<String> done = new java.util.HashSet<>();
    Set<String> citizensDone = new java.util.HashSet<>();
    SystemRequestDetails system = new SystemRequestDetails();
    Function<String, Optional<IBaseResource>> read = id -> written.stored(id).or(() -> files.read(id, system));
    // Relabelling may make the gateway write more (a consent hold), which marks more: until nothing is left.
    for (String next = nextOf(written.ids, done); next != null; next = nextOf(written.ids, done)) {
      done.add(next);
      read.apply(next).flatMap(stored -> CaseFiles.citizenOf(stored, read)).filter(citizensDone::add)
          .ifPresent(citizen -> {
            if (written.created.contains(citizen)) {
              labeller.relabel(CaseFiles.ofWritten(citizen, written.stored.values(), read));
            } else {
              labeller.relabel(citizen);
            }
          });
    }
  }

  private static String nextOf(Set<String> ids, Set<String> done) {
    return ids.stream().filter(c -> !done.contains(c)).findFirst().orElse(null);
  }

  /**
   * What the current transaction wrote: every id in order, the resources as stored (a deleted one is read back, and
   * found gone, as before), and the citizens it created, whose case files are exactly what it stored of them.
   */
  private static final class Written {
    private final Set<String> ids = new LinkedHashSet<>();
    private final Map<String, IBaseResource> stored = new LinkedHashMap<>();
    private final Set<String> created = new java.util.HashSet<>();

    void add(WritePhase phase, IBaseResource resource) {
      String id = AccessLabelPolicy.id(resource);
      ids.add(id);
      if (phase == WritePhase.DELETED) {
        stored.remove(id);
        created.remove(id);
        return;
      }
      stored.put(id, resource);
      if (phase == WritePhase.CREATED && resource instanceof Patient) {
        created.add(id);
      }
    }

    Optional<IBaseResource> stored(String id) {
      return Optional.ofNullable(stored.get(id));
    }
  }

  /** What was written in the current transaction; the first mark registers the relabelling before commit. */
  private Written written() {
    Object bound = TransactionSynchronizationManager.getResource(this);
    if (bound != null) {
      return (Written) bound;
    }
    Written written = new Written();
    TransactionSynchronizationManager.bindResource(this, written);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void beforeCommit(boolean readOnly) {
        relabel(written);
      }

      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(LabelMaintenance.this);
      }
    });
    return written;
  }
}
