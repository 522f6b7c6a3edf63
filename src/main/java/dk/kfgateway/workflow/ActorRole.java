package dk.kfgateway.workflow;

/**
 * Who is acting on a referral Task. The requester's side is the municipality; the owner's side is Klinisk Funktion,
 * whose clinicians and its secretariat (<i>sekretariat</i>) act for the owner alike.
 */
public enum ActorRole {
  /** The requester's side: the jobcenter's caseworker (<i>sagsbehandler</i>) system. */
  MUNICIPALITY,
  /** The owner's side: Klinisk Funktion's hospital EHR, its coordinators and clinicians. */
  CLINIC,
  /** The secretariat of Klinisk Funktion; cancellations after acceptance go through it (guide pkt. 8). */
  SECRETARIAT,
  /** The gateway itself, e.g. putting a task on hold when consent is withdrawn (guide pkt. 13), or resuming it. */
  GATEWAY;

  /** True for the roles that act for the Task's owner, Klinisk Funktion. */
  public boolean isOwnerSide() {
    return this == CLINIC || this == SECRETARIAT;
  }
}
