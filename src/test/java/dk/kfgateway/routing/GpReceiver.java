package dk.kfgateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A GP system's message endpoint on 127.0.0.1, as a test double of the receiving side only: it answers 503 for the
 * citizens (CPR) it is told to fail for, deduplicates accepted messages on the Bundle id as a real receiver must, and
 * remembers every attempt so a test can count them.
 */
final class GpReceiver {

  /** One POST as it arrived: the Bundle id, the citizen's CPR, the Communication's id, and whether it was accepted. */
  record Arrival(String bundleId, String cpr, String communication, boolean accepted) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final List<Arrival> arrivals = new ArrayList<>();
  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();
  private final Set<String> failingAlways = ConcurrentHashMap.newKeySet();
  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  private volatile boolean down;
  private volatile long slowMillis;

  GpReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir/$process-message";
  }

  /** The next {@code n} messages about this citizen are answered 503. */
  void failFirst(String cpr, int n) {
    failuresLeft.put(cpr, n);
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
    failuresLeft.remove(cpr);
  }

  /** Every message is answered 503 (the GP system is down) until {@code up}. */
  void down() {
    down = true;
  }

  void up() {
    down = false;
  }

  void slow(long millis) {
    slowMillis = millis;
  }

  synchronized List<Arrival> arrivals(String cpr) {
    return arrivals.stream().filter(a -> a.cpr().equals(cpr)).toList();
  }

  /** The messages accepted about this citizen, one per Bundle id: what the GP's system keeps. */
  synchronized List<Arrival> kept(String cpr) {
    Map<String, Arrival> byBundle = new java.util.LinkedHashMap<>();
    arrivals(cpr).stream().filter(Arrival::accepted).forEach(a -> byBundle.putIfAbsent(a.bundleId(), a));
    return List.copyOf(byBundle.values());
  }

  /** The message with this Bundle id, as the receiver kept it. */
  org.hl7.fhir.r4.model.Bundle message(String bundleId) {
    return Cases.FHIR.newJsonParser().parseResource(org.hl7.fhir.r4.model.Bundle.class, bodies.get(bundleId));
  }

  synchronized List<Arrival> all() {
    return List.copyOf(arrivals);
  }

  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    JsonNode bundle = JSON.readTree(body);
    String cpr = "";
    String communication = "";
    for (JsonNode entry : bundle.path("entry")) {
      JsonNode resource = entry.path("resource");
      switch (resource.path("resourceType").asText()) {
        case "Patient" -> cpr = resource.path("identifier").path(0).path("value").asText();
        case "Communication" -> communication = "Communication/" + resource.path("id").asText();
        default -> { }
      }
    }
    boolean rejected = refused.contains(cpr);
    boolean fail = rejected || down || failingAlways.contains(cpr) || failuresLeft.merge(cpr, -1, Integer::sum) >= 0;
    if (slowMillis > 0 && !fail) {
      try {
        Thread.sleep(slowMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!fail) {
      bodies.putIfAbsent(bundle.path("id").asText(), new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }
    synchronized (this) {
      arrivals.add(new Arrival(bundle.path("id").asText(), cpr, communication, !fail));
    }
    exchange.sendResponseHeaders(rejected ? 400 : fail ? 503 : 200, -1);
    exchange.close();
  }
}
