package dk.kfgateway.routing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import dk.kfgateway.audit.AuditRecord;
import dk.kfgateway.audit.AuditTrail;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox: each round claims due rows one by one (row lock, skipped by other nodes), posts the message
 * Bundle to the GP system's endpoint while holding the lock, and records the outcome in the same transaction: a 2xx
 * answer acknowledges (the Communication becomes completed), anything else is retried after an exponentially growing
 * wait, and after the configured number of failures the copy becomes a dead letter (Communication stopped) that the
 * secretariat sees and can retry. At least once: a node that dies mid-delivery leaves the row due again, and the
 * receiver deduplicates on the Bundle id. Each body is signed ({@link DeliverySignature}), so that the demo GP inbox
 * can tell the gateway's deliveries from anybody else's posts.
 */
public class Dispatcher {

  /** How deliveries are paced. */
  record Pacing(int batchSize, int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration timeout) {}

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final Outbox outbox;
  private final DaoRegistry daos;
  private final RoutingRecords records;
  private final TransactionTemplate transactions;
  private final AuditTrail audit;
  private final FhirContext fhir;
  private final Pacing pacing;
  private final Clock clock;
  private final HttpClient http;
  private final DeliverySignature signature;

  Dispatcher(Outbox outbox, DaoRegistry daos, PlatformTransactionManager transactionManager, AuditTrail audit,
      FhirContext fhir, Pacing pacing, Clock clock, DeliverySignature signature) {
    this.outbox = outbox;
    this.daos = daos;
    this.records = new RoutingRecords(daos);
    this.transactions = new TransactionTemplate(transactionManager);
    this.audit = audit;
    this.fhir = fhir;
    this.pacing = pacing;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(pacing.timeout()).build();
    this.signature = signature;
  }

  /** One round: delivers up to the batch size of due copies; returns how many were attempted. */
  public int deliverDue() {
    int attempted = 0;
    while (attempted < pacing.batchSize() && Boolean.TRUE.equals(transactions.execute(status -> deliverNext()))) {
      attempted++;
    }
    return attempted;
  }

  private boolean deliverNext() {
    Instant now = clock.instant();
    Optional<Outbox.Entry> claimed = outbox.claimNext(now);
    if (claimed.isEmpty()) {
      return false;
    }
    Outbox.Entry entry = claimed.get();
    Communication communication = records.read(entry.communication(), Communication.class);
    Attempt attempt = attempt(entry, communication, now);
    String error = attempt.error();
    boolean dead = error != null && (attempt.permanent() || entry.attempts() + 1 >= pacing.maxAttempts());
    if (error == null) {
      outbox.delivered(entry.id(), now);
      settle(communication, CommunicationStatus.COMPLETED, null);
    } else {
      outbox.failed(entry.id(), error, now, backoff(entry.attempts() + 1), dead);
      if (dead) {
        settle(communication, CommunicationStatus.STOPPED, (attempt.permanent()
            ? "The GP system refused the message (" + error + "), so it was not tried again"
            : "Delivery to the GP system failed " + pacing.maxAttempts() + " times (last: " + error + ")")
            + "; the secretariat can retry with $retry-delivery");
      }
    }
    if (error == null || dead) {
      audit.record(new AuditRecord("E", "delivery", error == null ? AuditRecord.Outcome.SUCCESS
          : AuditRecord.Outcome.FAILED, AuditRecord.Agent.GATEWAY, communication.getSubject().getReference(), null,
          List.of(entry.communication()), error == null ? "delivered to " + entry.recipient() : error));
    }
    return true;
  }

  /**
   * How one attempt went: no error when acknowledged (2xx). A 4xx other than 408, 425 and 429 is the receiver refusing
   * this very message, which sending it again cannot change: permanent, a dead letter at once.
   */
  record Attempt(String error, boolean permanent) {
    static final Attempt ACKNOWLEDGED = new Attempt(null, false);

    static Attempt of(int status, String endpoint) {
      boolean refused = status / 100 == 4 && status != 408 && status != 425 && status != 429;
      return status / 100 == 2 ? ACKNOWLEDGED : new Attempt("HTTP " + status + " from " + endpoint, refused);
    }

    static Attempt transientFailure(String error) {
      return new Attempt(error, false);
    }
  }

  /** Posts the message and says how it went. */
  private Attempt attempt(Outbox.Entry entry, Communication communication, Instant now) {
    String gp = entry.recipient();
    String endpoint = entry.endpoint();
    try {
      Bundle message = GpMessage.of(entry.id(), communication,
          records.read(communication.getPayloadFirstRep().getContentReference().getReference(), DocumentReference.class),
          records.read(communication.getSubject().getReference(), Patient.class),
          records.read(communication.getSender().getReference(), Organization.class),
          records.read(gp, Organization.class), endpoint, now);
      byte[] body = fhir.newJsonParser().encodeResourceToString(message).getBytes(StandardCharsets.UTF_8);
      HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(pacing.timeout())
          .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
          .header(DeliverySignature.HEADER, signature.sign(body))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      return Attempt.of(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), endpoint);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Attempt.transientFailure("interrupted");
    } catch (Exception e) {
      log.debug("Delivery {} failed", entry.id(), e);
      return Attempt.transientFailure(e.getClass().getSimpleName() + " from " + endpoint + ": " + e.getMessage());
    }
  }

  /** Wait after the n-th failure: initial, 2x, 4x ... at most the maximum. */
  Duration backoff(int failures) {
    Duration wait = pacing.initialBackoff().multipliedBy(1L << Math.min(failures - 1, 30));
    return wait.compareTo(pacing.maxBackoff()) > 0 || wait.isNegative() ? pacing.maxBackoff() : wait;
  }

  private void settle(Communication communication, CommunicationStatus status, String reason) {
    communication.setStatus(status);
    communication.setStatusReason(reason == null ? null : new CodeableConcept().setText(reason));
    daos.getResourceDao(Communication.class).update(communication, new SystemRequestDetails());
  }
}
