package dk.kfgateway.pipeline;

import ca.uhn.fhir.interceptor.api.Pointcut;

/**
 * The moments of a write at which the gateway's steps run: before a resource is stored (where a step may refuse or
 * change it) and just before the database transaction commits (where a step records what was stored).
 */
public enum WritePhase {
  CREATE(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED),
  UPDATE(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED),
  DELETE(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED),
  CREATED(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED),
  UPDATED(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED),
  DELETED(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED),
  /** A transaction or batch has stored all its entries (HAPI defers their pre-commit calls to here). */
  TRANSACTION_PROCESSED(Pointcut.STORAGE_TRANSACTION_PROCESSED);

  private final Pointcut pointcut;

  WritePhase(Pointcut pointcut) {
    this.pointcut = pointcut;
  }

  /** HAPI's pointcut behind this phase. */
  public Pointcut pointcut() {
    return pointcut;
  }
}
