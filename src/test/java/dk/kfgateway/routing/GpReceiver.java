package dk.kfgateway.routing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dk.kfgateway.ig.Ig;
import dk.kfgateway.routing.medcom.Acknowledgement;
import dk.kfgateway.routing.medcom.AcknowledgementMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;

/**
 * A GP system's message endpoint on 127.0.0.1, as a test double of the receiving side only, speaking MedCom: by default
 * it answers each message in the HTTP response with an Acknowledgement {@code ok}, and a message received again (same
 * Bundle.id) with the very same acknowledgement, as a real receiver must. Per citizen (CPR) a test can script the next
 * answers ({@link Reply}), or have it answer 503 or 400. It remembers every attempt so a test can count them.
 */
public final class GpReceiver {

  /** How the receiver answers one message. */
  enum Reply {
    /** 200 with an Acknowledgement ok. */
    OK,
    /** 200 with an Acknowledgement transient-error (the mailbox is out of operation). */
    TRANSIENT_ERROR,
    /** 200 with an Acknowledgement fatal-error. */
    FATAL_ERROR,
    /** 200 without an acknowledgement: the GP system acknowledges later, or never. */
    LATER,
    /** 503: the GP system is unavailable. */
    UNAVAILABLE
  }

  /** One POST as it arrived: the Bundle and MessageHeader ids, the citizen's CPR, and whether it was taken (2xx). */
  record Arrival(String bundleId, String header, String cpr, boolean accepted) {}

  private final HttpServer server;
  private final List<Arrival> arrivals = new ArrayList<>();
  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private final Map<String, String> answered = new ConcurrentHashMap<>();
  private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
  private final Set<String> failingAlways = ConcurrentHashMap.newKeySet();
  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  private volatile boolean down;
  private volatile long slowMillis;

  public GpReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir/$process-message";
  }

  /** The next messages about this citizen are answered so, one reply each; then ok again. */
  void answer(String cpr, Reply... replies) {
    scripts.put(cpr, new ArrayDeque<>(List.of(replies)));
  }

  /** The next {@code n} messages about this citizen are answered 503. */
  void failFirst(String cpr, int n) {
    answer(cpr, java.util.Collections.nCopies(n, Reply.UNAVAILABLE).toArray(Reply[]::new));
  }

  void failAlways(String cpr) {
    failingAlways.add(cpr);
  }

  /** Messages about this citizen are answered 400: the GP system rejects them as such, retrying cannot help. */
  void refuse(String cpr) {
    refused.add(cpr);
  }

  void recover(String cpr) {
    refused.remove(cpr);
    failingAlways.remove(cpr);
    scripts.remove(cpr);
  }

  /** Every message is answered 503 (the GP system is down) until {@code up}. */
  public void down() {
    down = true;
  }

  public void up() {
    down = false;
  }

  void slow(long millis) {
    slowMillis = millis;
  }

  synchronized List<Arrival> arrivals(String cpr) {
    return arrivals.stream().filter(a -> a.cpr().equals(cpr)).toList();
  }

  /** The messages taken about this citizen, one per Bundle id: what the GP's system keeps. */
  synchronized List<Arrival> kept(String cpr) {
    Map<String, Arrival> byBundle = new java.util.LinkedHashMap<>();
    arrivals(cpr).stream().filter(Arrival::accepted).forEach(a -> byBundle.putIfAbsent(a.bundleId(), a));
    return List.copyOf(byBundle.values());
  }

  /** The message with this Bundle id, as the receiver kept it. */
  Bundle message(String bundleId) {
    return Cases.FHIR.newJsonParser().parseResource(Bundle.class, bodies.get(bundleId));
  }

  /** An acknowledgement of the message with this Bundle id, as the GP system would post it later. */
  Bundle acknowledgement(String bundleId, Acknowledgement.Code code) {
    return AcknowledgementMessage.answering(message(bundleId), code, "MSG_Mailbox_Out_Of_Operation",
        "Postkassen er midlertidigt lukket", Instant.now());
  }

  synchronized List<Arrival> all() {
    return List.copyOf(arrivals);
  }

  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Bundle message = Cases.FHIR.newJsonParser().parseResource(Bundle.class, body);
    String cpr = message.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Patient.class::isInstance).map(Patient.class::cast).flatMap(p -> p.getIdentifier().stream())
        .filter(i -> Ig.CPR.equals(i.getSystem())).map(i -> i.getValue()).findFirst().orElse("");
    String id = message.getIdPart();
    Reply reply = reply(cpr);
    if (slowMillis > 0 && reply != Reply.UNAVAILABLE) {
      try {
        Thread.sleep(slowMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    boolean taken = reply != Reply.UNAVAILABLE && !refused.contains(cpr);
    if (taken) {
      bodies.putIfAbsent(id, body);
    }
    synchronized (this) {
      arrivals.add(new Arrival(id, message.getEntryFirstRep().getResource().getIdElement().getIdPart(), cpr, taken));
    }
    if (!taken) {
      exchange.sendResponseHeaders(refused.contains(cpr) ? 400 : 503, -1);
    } else if (reply == Reply.LATER && !answered.containsKey(id)) {
      exchange.sendResponseHeaders(200, -1);
    } else {
      // a message seen before gets the answer it got then (MedCom reliable messaging)
      String ack = reply == Reply.LATER ? answered.get(id) : answered.computeIfAbsent(id, x -> Cases.FHIR
          .newJsonParser().encodeResourceToString(acknowledgement(id, code(reply))));
      if (reply != Reply.OK && reply != Reply.LATER) {
        answered.remove(id); // an error is not the final answer: the resend gets a fresh one
      }
      byte[] bytes = ack.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private Reply reply(String cpr) {
    if (down || failingAlways.contains(cpr)) {
      return Reply.UNAVAILABLE;
    }
    Deque<Reply> script = scripts.get(cpr);
    Reply next = script == null ? null : script.pollFirst();
    return next == null ? Reply.OK : next;
  }

  private static Acknowledgement.Code code(Reply reply) {
    return switch (reply) {
      case TRANSIENT_ERROR -> Acknowledgement.Code.TRANSIENT_ERROR;
      case FATAL_ERROR -> Acknowledgement.Code.FATAL_ERROR;
      default -> Acknowledgement.Code.OK;
    };
  }
}
