package dk.kfgateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * A fresh database for one benchmark or fault-test run: an H2 file in a new folder, or a new database on the PostgreSQL
 * server at 127.0.0.1:5432 (user postgres), dropped again by {@link #close()}.
 */
public final class BenchDatabase implements AutoCloseable {

  public static final String POSTGRES_HOST = "127.0.0.1";
  public static final int POSTGRES_PORT = 5432;

  private final String name;
  private final Path h2Dir;

  private BenchDatabase(String name, Path h2Dir) {
    this.name = name;
    this.h2Dir = h2Dir;
  }

  public static BenchDatabase h2(Path parent) {
    try {
      return new BenchDatabase(null, Files.createTempDirectory(Files.createDirectories(parent.toAbsolutePath()), "kf-bench-h2-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static BenchDatabase postgres(String prefix) {
    String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    execute("CREATE DATABASE " + name);
    return new BenchDatabase(name, null);
  }

  /** Null when the PostgreSQL server answers; otherwise why not. */
  public static String postgresUnavailableReason() {
    try (Connection c = admin()) {
      return null;
    } catch (SQLException e) {
      return "PostgreSQL at " + POSTGRES_HOST + ":" + POSTGRES_PORT + " is not reachable (" + e.getMessage() + ")";
    }
  }

  public boolean isPostgres() {
    return name != null;
  }

  /** The gateway's arguments for this database, reached directly. */
  public List<String> gatewayArgs() {
    return gatewayArgs(POSTGRES_HOST, POSTGRES_PORT);
  }

  /** The gateway's arguments for this database, reached at this host and port (e.g. through a proxy). */
  public List<String> gatewayArgs(String host, int port) {
    if (!isPostgres()) {
      return List.of("--gateway.storage.data-dir=" + h2Dir,
          "--spring.datasource.url=jdbc:h2:file:" + h2Dir.resolve("kf-gateway") + ";DB_CLOSE_ON_EXIT=FALSE");
    }
    return List.of("--spring.datasource.url=jdbc:postgresql://" + host + ":" + port + "/" + name,
        "--spring.datasource.username=postgres", "--spring.datasource.password=");
  }

  /** A direct connection to this PostgreSQL database, for checks of what is stored (H2 files belong to the gateway). */
  public Connection connect() throws SQLException {
    if (!isPostgres()) {
      throw new IllegalStateException("the H2 file is open in the gateway's process");
    }
    return DriverManager.getConnection(
        "jdbc:postgresql://" + POSTGRES_HOST + ":" + POSTGRES_PORT + "/" + name, "postgres", "");
  }

  public String label() {
    return isPostgres() ? "PostgreSQL" : "H2 file";
  }

  @Override
  public void close() {
    if (isPostgres()) {
      execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://" + POSTGRES_HOST + ":" + POSTGRES_PORT + "/postgres", "postgres", "");
  }

  private static void execute(String sql) {
    try (Connection c = admin(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL: " + sql + " failed: " + e.getMessage(), e);
    }
  }
}
