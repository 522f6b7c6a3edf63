package dk.kfgateway.pipeline;

/** The steps of a write, named by what they do; their order is {@link WriteOrder}'s alone. */
public enum Step {
  /**
   * Subscriptions: what a client may say and who changes them (NOTIF-001..004); status requested becomes active; the
   * subscriber row is written in the Subscription's own transaction.
   */
  SUBSCRIPTION_INTAKE,
  /** A client refers only to case data it may see (answered as an unknown reference). */
  UNSEEN_REFERENCES,
  /** The audit trail is written by the gateway alone (AUD-001). */
  AUDIT_TRAIL_READ_ONLY,
  /** Nobody writes for another organisation or changes another party's case data (SEC-004..006, SEC-010). */
  TENANT_WRITE,
  /** A referral is stored only as its checked transaction (REF-011). */
  REFERRAL_IN_TRANSACTION,
  /** The gateway's profiles (IG-001). */
  PROFILE,
  /** The task state machine, own tasks only, deadlines on receipt and after a hold (WF-*). */
  TASK_WORKFLOW,
  /** Triage and work only while the citizen's consent holds (CONS-*). */
  TRIAGE_CONSENT,
  /** The coordinator's independence (§ 8 of the guide, IND-*). */
  INDEPENDENCE,
  /** Contact with the GP needs consent (CONS-004). */
  GP_CONTACT,
  /** A withdrawn or changed consent holds or resumes the citizen's tasks (CONS-005). */
  CONSENT_WITHDRAWAL,
  /** Documents are readable, unencrypted PDFs (REF-010). */
  DOCUMENT_CONTENT,
  /** Rest-hook endpoints only as registered (SEC-009). */
  SUBSCRIPTION_ENDPOINT,
  /** A completed task's result and its copies, in the completion's transaction (ROUTE-*). */
  RESULT_ROUTING,
  /** The charge items of a billable task change (SET-*). */
  TASK_CHARGES,
  /** The access labels of what is stored, and the citizens whose case files are relabelled before commit. */
  ACCESS_LABELS,
  /** Every change matched against the Subscriptions, queued in its own transaction. */
  CHANGE_MATCHING,
  /** One AuditEvent per request that changes citizen data, in its transaction. */
  WRITE_AUDIT
}
