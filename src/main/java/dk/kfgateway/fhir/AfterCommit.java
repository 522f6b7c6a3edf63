package dk.kfgateway.fhir;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work that follows a commit (waking a dispatcher, reloading a registry): nothing when no transaction is under way. */
public final class AfterCommit {

  private AfterCommit() {}

  /** Runs the action once the current transaction has committed; not at all if it rolls back. */
  public static void run(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          action.run();
        }
      });
    }
  }
}
