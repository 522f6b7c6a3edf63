package dk.kfgateway.routing;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import dk.kfgateway.audit.AuditRecord;
import dk.kfgateway.audit.AuditTrail;
import dk.kfgateway.routing.Outbox.State;
import dk.kfgateway.routing.medcom.Acknowledgement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.hl7.fhir.r4.model.Communication;

/**
 * What becomes of a GP delivery, in the caller's transaction with its outbox row locked: the MedCom Acknowledgement is
 * the receipt (whether it came in the HTTP answer or later by {@code $process-message}). {@code ok} completes the copy;
 * {@code fatal-error} makes it a dead letter carrying the acknowledgement's reason; {@code transient-error}, a failed
 * attempt and no acknowledgement in time lead to the same message sent again, until the attempts are used up, then a
 * dead letter. An acknowledgement of a copy already settled changes nothing (duplicates, late answers).
 */
class DeliveryOutcomes {

  /** How deliveries are paced: attempts, back-off after a failure, and how long an acknowledgement may take. */
  record Pacing(int batchSize, int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration timeout,
      Duration acknowledgementTimeout) {}

  private static final String RETRY = "; the secretariat can retry with $retry-delivery";

  private final Outbox outbox;
  private final DaoRegistry daos;
  private final RoutingRecords records;
  private final AuditTrail audit;
  private final Pacing pacing;

  DeliveryOutcomes(Outbox outbox, DaoRegistry daos, RoutingRecords records, AuditTrail audit, Pacing pacing) {
    this.outbox = outbox;
    this.daos = daos;
    this.records = records;
    this.audit = audit;
    this.pacing = pacing;
  }

  Pacing pacing() {
    return pacing;
  }

  /**
   * The GP system's acknowledgement of this delivery; {@code attempted} when it answers the attempt just made (in the
   * HTTP response). False when it changed nothing: the copy was settled already.
   */
  boolean acknowledged(Outbox.Entry entry, Acknowledgement ack, Instant now, boolean attempted) {
    if (entry.state() == State.DELIVERED || entry.state() == State.DEAD
        || (ack.code() == Acknowledgement.Code.TRANSIENT_ERROR && entry.state() != State.SENT && !attempted)) {
      return false;
    }
    switch (ack.code()) {
      case OK -> {
        outbox.delivered(entry.id(), now, attempted);
        settle(entry, CommunicationStatus.COMPLETED, null, "acknowledged ok by " + entry.recipient());
      }
      case FATAL_ERROR -> {
        String reason = "The GP system answered fatal-error (" + reasonOf(ack) + "), so the message was not sent again";
        outbox.failed(entry.id(), "fatal-error: " + reasonOf(ack), now, Duration.ZERO, true, attempted);
        settle(entry, CommunicationStatus.STOPPED, reason + RETRY, reason);
      }
      case TRANSIENT_ERROR -> retryOrGiveUp(entry, "transient-error: " + reasonOf(ack), now, attempted);
    }
    return true;
  }

  /** An attempt that got no acknowledgement: an HTTP or network failure; {@code permanent} for a refusal (4xx). */
  void attemptFailed(Outbox.Entry entry, String error, boolean permanent, Instant now) {
    if (permanent) {
      outbox.failed(entry.id(), error, now, Duration.ZERO, true, true);
      String reason = "The GP system refused the message (" + error + "), so it was not tried again";
      settle(entry, CommunicationStatus.STOPPED, reason + RETRY, error);
    } else {
      retryOrGiveUp(entry, error, now, true);
    }
  }

  /** The GP system took the message and will acknowledge it later: sent again if it does not in time. */
  void awaitingAcknowledgement(Outbox.Entry entry, Instant now) {
    outbox.sent(entry.id(), now.plus(pacing.acknowledgementTimeout()));
  }

  /** True when a sent message's acknowledgement is overdue and no attempt is left: then it became a dead letter. */
  boolean gaveUpWaiting(Outbox.Entry entry, Instant now) {
    if (entry.state() != State.SENT || entry.attempts() < pacing.maxAttempts()) {
      return false;
    }
    String error = "no MedCom acknowledgement within " + pacing.acknowledgementTimeout() + " after each of "
        + entry.attempts() + " sends";
    outbox.failed(entry.id(), error, now, Duration.ZERO, true, false);
    settle(entry, CommunicationStatus.STOPPED, "The GP system did not acknowledge the message (" + error + ")" + RETRY,
        error);
    return true;
  }

  /** A row that holds no MedCom message (written by an older version): left to the secretariat. */
  void withoutMessage(Outbox.Entry entry, Instant now) {
    String error = "no MedCom message was stored for this copy";
    outbox.failed(entry.id(), error, now, Duration.ZERO, true, false);
    settle(entry, CommunicationStatus.STOPPED, error + RETRY, error);
  }

  private void retryOrGiveUp(Outbox.Entry entry, String error, Instant now, boolean attempted) {
    int attempts = entry.attempts() + (attempted ? 1 : 0);
    boolean dead = attempts >= pacing.maxAttempts();
    outbox.failed(entry.id(), error, now, backoff(attempts), dead, attempted);
    if (dead) {
      settle(entry, CommunicationStatus.STOPPED, "Delivery to the GP system failed " + attempts + " times (last: "
          + error + ")" + RETRY, error);
    }
  }

  /** Wait after the n-th failure: initial, 2x, 4x ... at most the maximum. */
  Duration backoff(int failures) {
    Duration wait = pacing.initialBackoff().multipliedBy(1L << Math.min(Math.max(failures, 1) - 1, 30));
    return wait.compareTo(pacing.maxBackoff()) > 0 || wait.isNegative() ? pacing.maxBackoff() : wait;
  }

  private static String reasonOf(Acknowledgement ack) {
    return ack.reason() == null || ack.reason().isBlank() ? "no reason given" : ack.reason();
  }

  /** The Communication's new status, and one audit record of the outcome. */
  private void settle(Outbox.Entry entry, CommunicationStatus status, String reason, String audited) {
    Communication communication = records.read(entry.communication(), Communication.class);
    communication.setStatus(status);
    communication.setStatusReason(reason == null ? null : new CodeableConcept().setText(reason));
    daos.getResourceDao(Communication.class).update(communication, new SystemRequestDetails());
    boolean ok = status == CommunicationStatus.COMPLETED;
    audit.record(new AuditRecord("E", "delivery", ok ? AuditRecord.Outcome.SUCCESS : AuditRecord.Outcome.FAILED,
        AuditRecord.Agent.GATEWAY, communication.getSubject().getReference(), null, List.of(entry.communication()),
        audited));
  }
}
