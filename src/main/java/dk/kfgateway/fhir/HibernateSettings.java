package dk.kfgateway.fhir;

import ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect;
import dk.kfgateway.GatewayProperties;
import java.util.Properties;

/**
 * Hibernate settings for HAPI's persistence unit. The dialect follows the JDBC URL, so that switching to PostgreSQL is
 * a matter of {@code spring.datasource.url} alone.
 */
final class HibernateSettings {

  private HibernateSettings() {}

  static Properties forUrl(String jdbcUrl, GatewayProperties.Storage storage) {
    Properties p = new Properties();
    p.put("hibernate.dialect", dialectFor(jdbcUrl));
    p.put("hibernate.hbm2ddl.auto", storage.schemaUpdate());
    p.put("hibernate.search.enabled", "false");
    p.put("hibernate.format_sql", "false");
    p.put("hibernate.show_sql", "false");
    p.put("hibernate.jdbc.batch_size", "30");
    p.put("hibernate.order_inserts", "true");
    p.put("hibernate.order_updates", "true");
    p.put("hibernate.cache.use_query_cache", "false");
    p.put("hibernate.cache.use_second_level_cache", "false");
    p.put("hibernate.cache.use_structured_entries", "false");
    p.put("hibernate.cache.use_minimal_puts", "false");
    return p;
  }

  static String dialectFor(String jdbcUrl) {
    if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:")) {
      return HapiFhirPostgresDialect.class.getName();
    }
    if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:")) {
      return HapiFhirH2Dialect.class.getName();
    }
    throw new IllegalStateException(
        "Unsupported database URL " + jdbcUrl + ": the gateway runs on H2 (embedded) or PostgreSQL");
  }
}
