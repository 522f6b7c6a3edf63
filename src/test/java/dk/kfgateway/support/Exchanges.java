package dk.kfgateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * What the HTTP tests share: one request sent with its answer read as text, the rule ids of a refusal, and waiting for
 * a condition.
 */
public final class Exchanges {

  private Exchanges() {}

  /** Sends and reads the answer as text; an I/O failure or an interruption fails the test. */
  public static HttpResponse<String> send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The rule ids a refusal's OperationOutcome names, one per issue (its {@code details.coding}). */
  public static List<String> ruleIds(HttpResponse<String> refusal) {
    OperationOutcome outcome = ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser()
        .parseResource(OperationOutcome.class, refusal.body());
    return outcome.getIssue().stream().map(i -> i.getDetails().getCodingFirstRep().getCode()).toList();
  }

  /** Waits until the condition holds, polling every 200 ms; fails naming what it waited for after the limit. */
  public static void await(String what, Duration limit, BooleanSupplier condition) {
    Instant giveUp = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(giveUp)) {
        throw new AssertionError("Still waiting for: " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
