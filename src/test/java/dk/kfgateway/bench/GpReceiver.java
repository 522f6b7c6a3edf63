package dk.kfgateway.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A GP system on 127.0.0.1 that acknowledges every message it is sent (200 with a MedCom Acknowledgement ok) and
 * remembers when and what, so the benchmark can time completion-to-acknowledgement and the fault tests can count
 * deliveries after deduplication.
 */
public final class GpReceiver implements AutoCloseable {

  private static final ca.uhn.fhir.context.FhirContext FHIR = ca.uhn.fhir.context.FhirContext.forR4Cached();

  /** One message as received: when it was acknowledged (System.nanoTime) and its body. */
  public record Delivery(long ackedAtNanos, String path, String body) {}

  private final HttpServer server;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();
  private volatile java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(0);

  public GpReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(r, "gp-receiver");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.incrementAndGet();
      try {
        held.await(2, java.util.concurrent.TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] ack = acknowledgement(body);
      exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
      exchange.sendResponseHeaders(200, ack.length);
      exchange.getResponseBody().write(ack);
      exchange.close();
      deliveries.add(new Delivery(System.nanoTime(), exchange.getRequestURI().getPath(), body));
    });
    server.start();
  }

  /** The MedCom Acknowledgement ok of a message, as a GP system answers it in the HTTP response. */
  private static byte[] acknowledgement(String body) {
    org.hl7.fhir.r4.model.Bundle message = FHIR.newJsonParser().parseResource(org.hl7.fhir.r4.model.Bundle.class, body);
    return FHIR.newJsonParser().encodeResourceToString(dk.kfgateway.routing.medcom.AcknowledgementMessage.answering(
        message, dk.kfgateway.routing.medcom.Acknowledgement.Code.OK, null, null, java.time.Instant.now()))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Where the gateway should deliver: http://127.0.0.1:port/fhir */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
  }

  /**
   * Holds every message received from now on without answering until {@link #release()}: a delivery in flight, as
   * when the GP system is slow, so that a node can die between sending and acknowledgement.
   */
  public void hold() {
    held = new java.util.concurrent.CountDownLatch(1);
  }

  public void release() {
    held.countDown();
  }

  /** Messages received, acknowledged or not. */
  public int received() {
    return received.get();
  }

  public List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** The first delivery whose body mentions this reference (e.g. "ServiceRequest/12", not "ServiceRequest/123"). */
  public Delivery firstMentioning(String reference) {
    return mentioning(reference).stream().findFirst().orElse(null);
  }

  /** Every delivery whose body mentions this reference, redeliveries included. */
  public List<Delivery> mentioning(String reference) {
    java.util.regex.Pattern whole = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(reference) + "(?![\\w.-])");
    return deliveries.stream().filter(d -> whole.matcher(d.body()).find()).toList();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
  }
}
