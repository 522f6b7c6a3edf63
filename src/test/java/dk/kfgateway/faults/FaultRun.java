package dk.kfgateway.faults;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.kfgateway.bench.BenchDatabase;
import dk.kfgateway.bench.GatewayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the fault tests share: the packaged gateway jar (failsafe passes {@code kf.gateway.jar}), a log folder under the
 * build folder, and PostgreSQL at 127.0.0.1:5432, without which they are skipped, loudly, as the PostgreSQL run of the
 * integration tests is.
 */
final class FaultRun {

  static final Duration START_TIMEOUT = Duration.ofMinutes(5);

  private FaultRun() {}

  static Path jar() {
    Path jar = Path.of(System.getProperty("kf.gateway.jar", "target/kf-gateway-0.1.0-SNAPSHOT.jar"));
    assumeTrue(Files.isRegularFile(jar), "the packaged gateway " + jar + " is missing: run mvn verify");
    return jar;
  }

  static void assumePostgres() {
    String reason = BenchDatabase.postgresUnavailableReason();
    if (reason != null) {
      System.out.println("*** " + reason + ": the fault tests are SKIPPED ***");
    }
    assumeTrue(reason == null, reason);
  }

  static Path log(String name) throws java.io.IOException {
    Path dir = Files.createDirectories(Path.of(System.getProperty("kf.test.dir", "target"), "fault-logs"));
    Path log = dir.resolve(name + ".log");
    Files.deleteIfExists(log);
    return log;
  }

  /** Starts the jar; with a small connection pool, as the PostgreSQL server is shared with other test runs. */
  static GatewayProcess start(List<String> args, Path log) {
    List<String> all = new java.util.ArrayList<>(args);
    all.add("--spring.datasource.hikari.maximum-pool-size=6");
    return GatewayProcess.start(jar(), GatewayProcess.GATEWAY_JVM, all, log, START_TIMEOUT);
  }
}
