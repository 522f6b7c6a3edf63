package dk.kfgateway.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database a test run uses, chosen by the system property {@code kf.test.database} ({@code h2}, the default, or
 * {@code postgres}). The build runs the whole suite once per database (see the surefire executions in pom.xml).
 *
 * <p>Every run gets a fresh database: an H2 file under the build folder, or a new PostgreSQL database on the local
 * server that is dropped when the JVM ends.
 */
public enum TestDatabase {
  H2,
  POSTGRES;

  public static final String PROPERTY = "kf.test.database";
  static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private static String postgresUrl;
  private static final java.util.Map<String, String> CREATED = new java.util.HashMap<>();

  public static TestDatabase current() {
    return "postgres".equalsIgnoreCase(System.getProperty(PROPERTY, "h2")) ? POSTGRES : H2;
  }

  /** The property a test sets (by {@link #registerOwn}) to have a database of its own instead of the run's. */
  static final String OWN_URL = "kf.test.own-datasource-url";
  /**
   * The contexts close their databases themselves (H2 closing them first at JVM exit only makes ERROR lines); and a
   * writer waits for a row lock as long as the application's default allows (application.yaml).
   */
  private static final String H2_OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";

  /**
   * Points the gateway under test at this run's database, unless the test asked for its own ({@link #registerOwn}):
   * Spring calls a subclass's {@code @DynamicPropertySource} before its superclass's, so the superclass's value would
   * win; the placeholder lets the subclass's choice stand whatever the order.
   */
  public void register(DynamicPropertyRegistry registry) {
    if (this == H2) {
      Path file = Path.of(System.getProperty("kf.test.dir", "target"), "test-data", "h2-" + RUN, "kf-gateway");
      registry.add("spring.datasource.url",
          () -> "${" + OWN_URL + ":jdbc:h2:file:" + file.toAbsolutePath() + H2_OPTIONS + "}");
      registry.add("spring.datasource.username", () -> "sa");
      registry.add("spring.datasource.password", () -> "");
    } else {
      registry.add("spring.datasource.url", () -> "${" + OWN_URL + ":" + freshPostgresDatabase() + "}");
      registry.add("spring.datasource.username", () -> "postgres");
      registry.add("spring.datasource.password", () -> "");
    }
  }

  /**
   * Points a test at a database of its own (and so a Spring context of its own), for tests whose gateway settings
   * (delivery timings, endpoints) must not meet other contexts' dispatchers on a shared database.
   */
  public void registerOwn(DynamicPropertyRegistry registry, String label) {
    if (this == H2) {
      Path file = Path.of(System.getProperty("kf.test.dir", "target"), "test-data", "h2-" + RUN + "-" + label, "kf-gateway");
      registry.add(OWN_URL, () -> "jdbc:h2:file:" + file.toAbsolutePath() + H2_OPTIONS);
    } else {
      registry.add(OWN_URL, () -> freshPostgresDatabase("kf_gateway_test_" + RUN + "_" + label));
    }
  }

  /** Null when PostgreSQL answers; otherwise why not. */
  static String postgresUnavailableReason() {
    try (Connection c = DriverManager.getConnection(POSTGRES_SERVER + "postgres", "postgres", "")) {
      return null;
    } catch (SQLException e) {
      return "PostgreSQL at 127.0.0.1:5432 is not reachable (" + e.getMessage() + ")";
    }
  }

  private static synchronized String freshPostgresDatabase() {
    if (postgresUrl == null) {
      postgresUrl = freshPostgresDatabase("kf_gateway_test_" + RUN);
    }
    return postgresUrl;
  }

  /** Created on first use, once per name (Spring asks for the URL more than once). */
  private static synchronized String freshPostgresDatabase(String name) {
    return CREATED.computeIfAbsent(name, n -> {
      execute("CREATE DATABASE " + n);
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + n + " WITH (FORCE)")));
      return POSTGRES_SERVER + n;
    });
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(POSTGRES_SERVER + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL: " + sql + " failed: " + e.getMessage(), e);
    }
  }
}
