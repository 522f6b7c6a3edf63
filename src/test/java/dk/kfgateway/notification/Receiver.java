package dk.kfgateway.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A subscriber's endpoint on 127.0.0.1 that takes notifications (200), refuses them (500), or hangs without ever
 * answering, as the test sets it; it keeps what it took, with the headers the gateway sends.
 */
final class Receiver implements AutoCloseable {

  enum Mode { TAKE, REFUSE, HANG }

  /** One notification taken. */
  record Taken(String method, String path, String id, String focus, long sequence, String body, long at) {}

  private final HttpServer server;
  private final List<Taken> taken = new CopyOnWriteArrayList<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private volatile Mode mode;

  Receiver(Mode mode) throws IOException {
    this.mode = mode;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", exchange -> {
      attempts.incrementAndGet();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      switch (this.mode) {
        case HANG -> {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        case REFUSE -> exchange.sendResponseHeaders(500, -1);
        case TAKE -> {
          var headers = exchange.getRequestHeaders();
          taken.add(new Taken(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
              headers.getFirst("X-KF-Notification-Id"), headers.getFirst("X-KF-Focus"),
              Long.parseLong(headers.getFirst("X-KF-Notification-Sequence")), body, System.currentTimeMillis()));
          exchange.sendResponseHeaders(200, -1);
        }
      }
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
  }

  void set(Mode mode) {
    this.mode = mode;
  }

  List<Taken> taken() {
    return List.copyOf(taken);
  }

  int attempts() {
    return attempts.get();
  }

  void clear() {
    taken.clear();
    attempts.set(0);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
