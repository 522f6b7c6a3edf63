package dk.kfgateway.routing;

import dk.kfgateway.GatewayApplication;
import dk.kfgateway.support.TestDatabase;
import dk.kfgateway.support.Tokens;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole gateway started by the test itself, so a test can stop it and start another on the same database (a
 * restart) or run two at once (two nodes). Each scenario gets a database of its own: an H2 file, or a new PostgreSQL
 * database on 127.0.0.1, as {@link TestDatabase} chooses for the run.
 */
final class GatewayNode implements AutoCloseable {

  /** A database of a scenario: its JDBC URL and credentials. */
  record Database(String url, String user) {

    static Database fresh() {
      String name = "kf_routing_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      if (TestDatabase.current() == TestDatabase.H2) {
        Path file = Path.of(System.getProperty("kf.test.dir", "target"), "test-data", name, "kf-gateway");
        return new Database("jdbc:h2:file:" + file.toAbsolutePath(), "sa");
      }
      execute("CREATE DATABASE " + name);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
      return new Database("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres");
    }

    private static void execute(String sql) {
      try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
        c.createStatement().execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(sql + ": " + e.getMessage(), e);
      }
    }
  }

  private final ConfigurableApplicationContext context;
  final Cases cases;

  private GatewayNode(ConfigurableApplicationContext context) {
    this.context = context;
    String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    this.cases = new Cases(base + "/fhir", new Tokens(base + "/oauth2/token",
        client -> context.getEnvironment().getRequiredProperty("gateway.security.clients." + client + ".secret")
            .replace("{noop}", "")));
  }

  /** Starts a gateway on the database with the GP clinic Nordvej's system at the receiver. */
  static GatewayNode start(Database database, GpReceiver nordvej, int maxAttempts) {
    Map<String, String> properties = new HashMap<>();
    properties.put("server.port", "0");
    properties.put("spring.datasource.url", database.url());
    properties.put("spring.datasource.username", database.user());
    properties.put("spring.datasource.password", "");
    // Small pools: several nodes and the run's other test contexts share one PostgreSQL server's connections.
    properties.put("spring.datasource.hikari.maximum-pool-size", "6");
    properties.put("spring.datasource.hikari.minimum-idle", "1");
    properties.put("gateway.demo.enabled", "true");
    properties.put("gateway.security.clients.test-all-scopes.secret", "{noop}test-secret");
    properties.put("gateway.security.clients.test-all-scopes.role", "ADMINISTRATOR");
    properties.put("gateway.security.clients.test-all-scopes.organization", "Organization/kf-test");
    properties.put("gateway.security.clients.test-all-scopes.scopes", "system/*.cruds");
    properties.put("gateway.security.unrestricted-clients", "test-all-scopes");
    properties.put("gateway.routing.endpoints.gp-clinic-nordvej", nordvej.endpoint());
    properties.put("gateway.routing.interval", "200ms");
    properties.put("gateway.routing.initial-backoff", "200ms");
    properties.put("gateway.routing.max-backoff", "1s");
    properties.put("gateway.routing.max-attempts", String.valueOf(maxAttempts));
    // As arguments: they win over application.yaml (default properties would not).
    String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    return new GatewayNode(new SpringApplicationBuilder(GatewayApplication.class).run(arguments));
  }

  @Override
  public void close() {
    context.close();
  }
}
