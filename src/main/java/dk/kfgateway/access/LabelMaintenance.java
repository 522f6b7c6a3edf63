package dk.kfgateway.access;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import dk.kfgateway.pipeline.Step;
import dk.kfgateway.pipeline.Write;
import dk.kfgateway.pipeline.WriteStep;
import dk.kfgateway.security.Caller;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Subscription;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the access labels current in the same database transaction as the data (isolation in the query, bkg 2019 §3):
 * a Task, a Communication and a Subscription get the labels of their own parties as they are stored; every write of
 * case data marks its citizen, and just before the transaction commits each marked citizen's case file is relabelled
 * once ({@link Labeller}), whatever wrote it: a client, a referral transaction, or the gateway itself (consent holds,
 * copies, demo data). Nothing commits with stale labels, and nothing is labelled that did not commit.
 */
public class LabelMaintenance implements WriteStep {

  private final Labeller labeller;
  private final CaseFiles files;
  private final Set<String> administrators;

  /** @param administrators the organisations of the administrator's clients, who see every Subscription's state */
  LabelMaintenance(Labeller labeller, CaseFiles files, Set<String> administrators) {
    this.labeller = labeller;
    this.files = files;
    this.administrators = Set.copyOf(administrators);
  }

  @Override
  public Step step() {
    return Step.ACCESS_LABELS;
  }

  @Override
  public void apply(Write write) {
    switch (write.phase()) {
      case CREATE -> labelOwn(write.resource(), write.request());
      case UPDATE -> {
        if (!Labeller.isLabelling(write.request())) { // the labeller's own update changes only the labels
          labelOwn(write.resource(), write.request());
        }
      }
      default -> mark(write.resource(), write.request()); // before commit: created, updated or deleted
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
    if (!own.isEmpty()) {
      own.addAll(AccessLabels.of(resource));
      AccessLabels.set(resource, own);
    }
  }

  /** Remembers the written resource; its citizen is found once everything of the transaction is stored. */
  private void mark(IBaseResource resource, RequestDetails request) {
    if (Labeller.isLabelling(request) || !AccessLabels.LABELLED_TYPES.contains(resource.fhirType())
        || !resource.getIdElement().hasIdPart() || !TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    written().add(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
  }

  /** The citizens of what was written, read back as stored (references resolved), each relabelled once. */
  private void relabel(Set<String> written) {
    Set<String> done = new java.util.HashSet<>();
    Set<String> citizensDone = new java.util.HashSet<>();
    // Relabelling may make the gateway write more (a consent hold), which marks more: until nothing is left.
    for (String next = nextOf(written, done); next != null; next = nextOf(written, done)) {
      done.add(next);
      SystemRequestDetails system = new SystemRequestDetails();
      files.read(next, system).flatMap(stored -> files.citizenOf(stored, system))
          .filter(citizensDone::add).ifPresent(labeller::relabel);
    }
  }

  private static String nextOf(Set<String> citizens, Set<String> done) {
    return citizens.stream().filter(c -> !done.contains(c)).findFirst().orElse(null);
  }

  /** What was written in the current transaction; the first mark registers the relabelling before commit. */
  @SuppressWarnings("unchecked")
  private Set<String> written() {
    Object bound = TransactionSynchronizationManager.getResource(this);
    if (bound != null) {
      return (Set<String>) bound;
    }
    Set<String> written = new LinkedHashSet<>();
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
