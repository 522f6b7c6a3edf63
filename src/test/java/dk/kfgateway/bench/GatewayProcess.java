package dk.kfgateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged gateway as a separate operating-system process, as it runs in production: started with {@code java
 * -jar}, ready when {@code /actuator/health/readiness} answers 200 (UP), measured from outside (RSS from /proc,
 * heap through jcmd) and stopped gently or killed hard (SIGKILL). Used by the load benchmark and by the fault tests.
 */
public final class GatewayProcess implements AutoCloseable {

  /**
   * The JVM options of the README's run command (the property gateway.jvm of pom.xml, the one place they are
   * written), or those of the system property {@code gateway.jvm} (bench/load passes BENCH_JVM_OPTS there, to compare
   * profiles).
   */
  public static final List<String> GATEWAY_JVM =
      List.of(System.getProperty("gateway.jvm", ServerProfile.ofPom(Path.of("pom.xml"))).trim().split("\\s+"));

  private static final HttpClient READINESS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** The used heap in jcmd's GC.heap_info, for the serial, parallel and G1 collectors. */
  private static final Pattern HEAP_USED =
      Pattern.compile("(?:generation|heap|PSYoungGen|ParOldGen)\\s+total \\d+K, used (\\d+)K");

  private final Process process;
  private final Path log;
  private final int port;
  private final Duration startup;

  private GatewayProcess(Process process, Path log, int port, Duration startup) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.startup = startup;
  }

  /**
   * Starts the jar on a free loopback port with these JVM options and gateway arguments and waits until it is ready.
   *
   * @param log file that receives the process's output (appended, so a restart keeps the first run's lines)
   */
  public static GatewayProcess start(Path jar, List<String> jvm, List<String> args, Path log, Duration timeout) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvm);
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    command.addAll(args);
    try {
      long offset = Files.exists(log) ? Files.size(log) : 0;
      long t0 = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      GatewayProcess gateway = new GatewayProcess(process, log, port, null);
      long deadline = t0 + timeout.toNanos();
      while (!gateway.ready()) {
        if (!process.isAlive()) {
          throw new IllegalStateException("The gateway died on start (exit " + process.exitValue() + "):\n"
              + tail(gateway.logSince(offset)));
        }
        if (System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IllegalStateException("The gateway was not ready after " + timeout + ":\n"
              + tail(gateway.logSince(offset)));
        }
        Thread.sleep(200);
      }
      return new GatewayProcess(process, log, port, Duration.ofNanos(System.nanoTime() - t0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public long pid() {
    return process.pid();
  }

  /** From launching java until readiness is UP (IG installed, validators warm, demo data loaded). */
  public Duration startup() {
    return startup;
  }

  /** Readiness as a load balancer asks for it: 200 once UP, 503 while a start-up step is pending. */
  private boolean ready() throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
        .timeout(Duration.ofSeconds(5)).build();
    try {
      return READINESS.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false; // not listening yet
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Resident set size of the process in MB, from /proc/&lt;pid&gt;/status (VmRSS). */
  public long residentMegabytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
      return -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /** Java heap in use (all generations) in MB, through jcmd GC.heap_info; -1 when jcmd is not there. */
  public long heapUsedMegabytes() {
    return heapUsed(jcmd("GC.heap_info"));
  }

  /** The live heap: in use right after a full collection (jcmd GC.run), in MB. */
  public long liveHeapMegabytes() {
    jcmd("GC.run");
    return heapUsedMegabytes();
  }

  /** SIGKILL: no shutdown hooks, no connection closing, in-flight requests die with it. */
  public void killHard() {
    process.destroyForcibly();
    waitForExit();
  }

  /** SIGTERM, then SIGKILL if it has not stopped after 30 s. */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        killHard();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }

  public String log() {
    return logSince(0);
  }

  private String logSince(long offset) {
    try {
      byte[] bytes = Files.readAllBytes(log);
      return new String(bytes, (int) Math.min(offset, bytes.length), (int) Math.max(0, bytes.length - offset),
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private void waitForExit() {
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String jcmd(String command) {
    Path jcmd = ProcessHandle.current().info().command().map(Path::of).map(p -> p.resolveSibling("jcmd"))
        .filter(Files::isExecutable).orElse(Path.of("jcmd"));
    try {
      Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid()), command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  static long heapUsed(String heapInfo) {
    Matcher m = HEAP_USED.matcher(heapInfo);
    long kb = 0;
    boolean found = false;
    while (m.find()) {
      kb += Long.parseLong(m.group(1));
      found = true;
    }
    return found ? kb / 1024 : -1;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(String text) {
    String[] lines = text.split("\n");
    return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 30), lines.length));
  }
}
