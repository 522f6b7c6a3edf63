package dk.kfgateway.routing;

import ca.uhn.fhir.context.FhirContext;
import dk.kfgateway.routing.medcom.Acknowledgement;
import dk.kfgateway.routing.medcom.MedComValidator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox: each round claims due rows one by one (row lock, skipped by other nodes), posts the stored
 * MedCom message to the GP system's endpoint while holding the lock, and records the outcome in the same transaction
 * ({@link DeliveryOutcomes}): an Acknowledgement in the answer settles it at once; a 2xx without one means the GP
 * system acknowledges later ({@code $process-message}), and without that in time the message is sent again; a
 * failure is retried after an exponentially growing wait. At least once: a node that dies mid-delivery leaves the row
 * due again, and the receiver deduplicates on the Bundle and MessageHeader ids, which every attempt repeats. Each body
 * is signed ({@link DeliverySignature}), so that the demo GP inbox can tell the gateway's deliveries from anybody
 * else's posts.
 */
public class Dispatcher {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final Outbox outbox;
  private final DeliveryOutcomes outcomes;
  private final TransactionTemplate transactions;
  private final FhirContext fhir;
  private final MedComValidator medcom;
  private final Clock clock;
  private final HttpClient http;
  private final DeliverySignature signature;

  Dispatcher(Outbox outbox, DeliveryOutcomes outcomes,
      PlatformTransactionManager transactionManager, FhirContext fhir, MedComValidator medcom, Clock clock,
      DeliverySignature signature) {
    this.outbox = outbox;
    this.outcomes = outcomes;
    this.transactions = new TransactionTemplate(transactionManager);
    this.fhir = fhir;
    this.medcom = medcom;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(outcomes.pacing().timeout()).build();
    this.signature = signature;
  }

  /** One round: delivers up to the batch size of due copies; returns how many were attempted. */
  public int deliverDue() {
    int attempted = 0;
    while (attempted < outcomes.pacing().batchSize()
        && Boolean.TRUE.equals(transactions.execute(status -> deliverNext()))) {
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
    if (entry.message() == null) {
      outcomes.withoutMessage(entry, now);
    } else if (!outcomes.gaveUpWaiting(entry, now)) {
      Attempt attempt = attempt(entry);
      if (attempt.acknowledgement() != null) {
        outcomes.acknowledged(entry, attempt.acknowledgement(), now, true);
      } else if (attempt.error() == null) {
        outcomes.awaitingAcknowledgement(entry, now);
      } else {
        outcomes.attemptFailed(entry, attempt.error(), attempt.permanent(), now);
      }
    }
    return true;
  }

  /**
   * How one attempt went: an acknowledgement of this very message in the answer; taken without one (2xx, no error);
   * or an error. A 4xx other than 408, 425 and 429 is the receiver refusing this very message, which sending it again
   * cannot change: permanent, a dead letter at once.
   */
  record Attempt(Acknowledgement acknowledgement, String error, boolean permanent) {
    static final Attempt TAKEN = new Attempt(null, null, false);

    static Attempt of(int status, String endpoint) {
      boolean refused = status / 100 == 4 && status != 408 && status != 425 && status != 429;
      return status / 100 == 2 ? TAKEN : new Attempt(null, "HTTP " + status + " from " + endpoint, refused);
    }

    static Attempt transientFailure(String error) {
      return new Attempt(null, error, false);
    }
  }

  /** Posts the stored message and says how it went. */
  private Attempt attempt(Outbox.Entry entry) {
    String endpoint = entry.endpoint();
    try {
      byte[] body = entry.message().getBytes(StandardCharsets.UTF_8);
      HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(outcomes.pacing().timeout())
          .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
          .header(DeliverySignature.HEADER, signature.sign(body))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Attempt attempt = Attempt.of(response.statusCode(), endpoint);
      return attempt == Attempt.TAKEN ? answer(entry, response.body()) : attempt;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Attempt.transientFailure("interrupted");
    } catch (Exception e) {
      log.debug("Delivery {} failed", entry.id(), e);
      return Attempt.transientFailure(e.getClass().getSimpleName() + " from " + endpoint + ": " + e.getMessage());
    }
  }

  /**
   * The acknowledgement in a 2xx answer, when there is one: it must conform to MedCom's Acknowledgement profile and
   * answer this message, from the clinic it went to, else the attempt failed (and is made again).
   */
  private Attempt answer(Outbox.Entry entry, String body) {
    if (body == null || body.isBlank() || !body.contains("\"MessageHeader\"")) {
      return Attempt.TAKEN;
    }
    Bundle bundle;
    try {
      bundle = fhir.newJsonParser().parseResource(Bundle.class, body);
    } catch (RuntimeException e) {
      return Attempt.transientFailure("the answer of " + entry.endpoint() + " is not a FHIR Bundle: " + e.getMessage());
    }
    List<MedComValidator.Finding> errors = medcom.errors(bundle, MedComValidator.ACKNOWLEDGEMENT);
    Optional<Acknowledgement> ack = Acknowledgement.read(bundle);
    if (!errors.isEmpty() || ack.isEmpty()
        || !ack.get().acknowledges(fhir.newJsonParser().parseResource(Bundle.class, entry.message()))) {
      return Attempt.transientFailure("the answer of " + entry.endpoint() + " is not a MedCom Acknowledgement of "
          + "MessageHeader/" + entry.header() + (errors.isEmpty() ? "" : ": " + errors.get(0)));
    }
    return new Attempt(ack.get(), null, false);
  }
}
