package dk.kfgateway.console;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A GP system's message endpoint on 127.0.0.1 that is down (503) until it recovers, then acknowledges (200): what
 * turns a GP copy into a dead letter that the secretariat sends again.
 */
final class GpSystem implements AutoCloseable {

  private final HttpServer server;
  private final AtomicInteger acknowledged = new AtomicInteger();
  private volatile boolean up;

  GpSystem() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      int status = up ? 200 : 503;
      if (up) {
        acknowledged.incrementAndGet();
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir/$process-message";
  }

  void recover() {
    up = true;
  }

  int acknowledged() {
    return acknowledged.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
