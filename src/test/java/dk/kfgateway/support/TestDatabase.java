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

  public static TestDatabase current() {
    return "postgres".equalsIgnoreCase(System.getProperty(PROPERTY, "h2")) ? POSTGRES : H2;
  }

  /** Points the gateway under test at this run's database. */
  public void register(DynamicPropertyRegistry registry) {
    if (this == H2) {
      Path file = Path.of(System.getProperty("kf.test.dir", "target"), "test-data", "h2-" + RUN, "kf-gateway");
      registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + file.toAbsolutePath());
      registry.add("spring.datasource.username", () -> "sa");
      registry.add("spring.datasource.password", () -> "");
    } else {
      registry.add("spring.datasource.url", TestDatabase::freshPostgresDatabase);
      registry.add("spring.datasource.username", () -> "postgres");
      registry.add("spring.datasource.password", () -> "");
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
      String name = "kf_gateway_test_" + RUN;
      execute("CREATE DATABASE " + name);
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
      postgresUrl = POSTGRES_SERVER + name;
    }
    return postgresUrl;
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
