package dk.kfgateway.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A subscriber's endpoint on 127.0.0.1 for the tests and the benchmark: it takes notifications (200), refuses them
 * (500) or hangs without answering, as set, and can hold what arrives until released (a delivery in flight); it keeps
 * what it took, with the headers the gateway sends (notification id, focus, sequence) and when it arrived.
 */
public final class NotificationReceiver implements AutoCloseable {

  /** How the endpoint answers. */
  public enum Mode { TAKE, REFUSE, HANG }

  /** One notification taken; {@code nanos} is System.nanoTime() on arrival. */
  public record Taken(String method, String path, String id, String focus, long sequence, String body, long nanos) {}

  private final HttpServer server;
  private final List<Taken> taken = new CopyOnWriteArrayList<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private volatile Mode mode;
  private volatile CountDownLatch held = new CountDownLatch(0);

  public NotificationReceiver(Mode mode) {
    this.mode = mode;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "notification-receiver");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/", exchange -> {
      long arrived = System.nanoTime();
      attempts.incrementAndGet();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      await(held, 120);
      switch (this.mode) {
        case HANG -> await(new CountDownLatch(1), 60);
        case REFUSE -> exchange.sendResponseHeaders(500, -1);
        case TAKE -> {
          var headers = exchange.getRequestHeaders();
          exchange.sendResponseHeaders(200, -1);
          taken.add(new Taken(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
              headers.getFirst("X-KF-Notification-Id"), headers.getFirst("X-KF-Focus"),
              Long.parseLong(headers.getFirst("X-KF-Notification-Sequence")), body, arrived));
        }
      }
      exchange.close();
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
  }

  public void set(Mode mode) {
    this.mode = mode;
  }

  /** Holds everything that arrives from now on, unanswered, until {@link #release()}. */
  public void hold() {
    held = new CountDownLatch(1);
  }

  public void release() {
    held.countDown();
  }

  public List<Taken> taken() {
    return List.copyOf(taken);
  }

  /** The distinct notifications taken (a redelivery after a crash counted once, by its notification id). */
  public Set<String> distinctIds() {
    return taken.stream().map(Taken::id).collect(Collectors.toSet());
  }

  public int attempts() {
    return attempts.get();
  }

  public void clear() {
    taken.clear();
    attempts.set(0);
  }

  @Override
  public void close() {
    release();
    server.stop(0);
  }

  private static void await(CountDownLatch latch, int seconds) {
    try {
      latch.await(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
