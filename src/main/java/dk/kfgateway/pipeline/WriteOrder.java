package dk.kfgateway.pipeline;

import static dk.kfgateway.pipeline.WritePhase.CREATE;
import static dk.kfgateway.pipeline.WritePhase.CREATED;
import static dk.kfgateway.pipeline.WritePhase.DELETE;
import static dk.kfgateway.pipeline.WritePhase.DELETED;
import static dk.kfgateway.pipeline.WritePhase.TRANSACTION_PROCESSED;
import static dk.kfgateway.pipeline.WritePhase.UPDATE;
import static dk.kfgateway.pipeline.WritePhase.UPDATED;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one place that says what runs on a write, when, and in which order. Before storing: what the caller may refer
 * to and touch (references answered as unknown, the audit trail), then what the resource is (its profile), then who
 * may write it (the tenant) and the business rules of its type, then what the write causes (copies, charges), and last
 * the access labels of what is stored. Before commit: the bookkeeping of what was stored. A refusal stops the write at
 * its step: a later step never sees it. (Whether the caller may make this kind of request at all, the allow-list and
 * the scopes, is decided before any write, at the request.)
 */
public final class WriteOrder {

  /** A step, the phases it runs in, and the resource types it is for (empty: every type). */
  public record Entry(Step step, Set<WritePhase> phases, Set<String> types) {

    boolean covers(WritePhase phase, String type) {
      return phases.contains(phase) && (types.isEmpty() || types.contains(type));
    }
  }

  public static final List<Entry> ORDER = List.of(
      entry(Step.SUBSCRIPTION_INTAKE, EnumSet.of(CREATE, UPDATE, DELETE, CREATED, UPDATED, DELETED), "Subscription"),
      entry(Step.UNSEEN_REFERENCES, EnumSet.of(CREATE, UPDATE)),
      entry(Step.AUDIT_TRAIL_READ_ONLY, EnumSet.of(CREATE, UPDATE, DELETE), "AuditEvent"),
      entry(Step.PROFILE, EnumSet.of(CREATE, UPDATE)),
      entry(Step.TENANT_WRITE, EnumSet.of(CREATE, UPDATE, DELETE)),
      entry(Step.REFERRAL_IN_TRANSACTION, EnumSet.of(CREATE), "ServiceRequest"),
      entry(Step.TASK_WORKFLOW, EnumSet.of(CREATE, UPDATE), "Task"),
      entry(Step.TRIAGE_CONSENT, EnumSet.of(UPDATE), "Task"),
      entry(Step.INDEPENDENCE, EnumSet.of(UPDATE), "Task"),
      entry(Step.GP_CONTACT, EnumSet.of(CREATE), "Communication"),
      entry(Step.CONSENT_WITHDRAWAL, EnumSet.of(CREATE, UPDATE), "Consent"),
      entry(Step.DOCUMENT_CONTENT, EnumSet.of(CREATE, UPDATE), "DocumentReference"),
      entry(Step.SUBSCRIPTION_ENDPOINT, EnumSet.of(CREATE, UPDATE), "Subscription"),
      entry(Step.RESULT_ROUTING, EnumSet.of(UPDATE), "Task"),
      entry(Step.TASK_CHARGES, EnumSet.of(UPDATE), "Task"),
      entry(Step.ACCESS_LABELS, EnumSet.of(CREATE, UPDATE, CREATED, UPDATED, DELETED)),
      entry(Step.CHANGE_MATCHING, EnumSet.of(CREATED, UPDATED)),
      entry(Step.WRITE_AUDIT, EnumSet.of(CREATED, UPDATED, DELETED, TRANSACTION_PROCESSED)));

  private WriteOrder() {}

  /** The steps that run for this phase and resource type, in order. */
  public static List<Step> plan(WritePhase phase, String type) {
    return ORDER.stream().filter(e -> e.covers(phase, type)).map(Entry::step).toList();
  }

  private static Entry entry(Step step, Set<WritePhase> phases, String... types) {
    return new Entry(step, Set.copyOf(phases), Set.of(types));
  }
}
