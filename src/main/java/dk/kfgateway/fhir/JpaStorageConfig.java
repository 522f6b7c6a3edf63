package dk.kfgateway.fhir;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.binary.api.IBinaryStorageSvc;
import ca.uhn.fhir.jpa.binstore.DatabaseBinaryContentStorageSvcImpl;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.entity.StorageSettings;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import dk.kfgateway.GatewayProperties;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * HAPI's JPA storage engine on the configured data source (H2 file by default, PostgreSQL by configuration). The
 * imported classes are HAPI's own; this class supplies only what they expect the application to decide.
 */
@Configuration
@Import({
  JpaR4Config.class,
  HapiJpaConfig.class,
  JpaBatch2Config.class,
  Batch2JobsConfig.class,
  ThreadPoolFactoryConfig.class,
  // Batch2 needs HAPI's channel factory; HAPI's subscription matching and delivery are not imported: the gateway
  // matches and delivers notifications itself (package notification).
  SubscriptionChannelConfig.class
})
public class JpaStorageConfig {

  @Bean
  public JpaStorageSettings storageSettings(GatewayProperties properties) {
    JpaStorageSettings settings = new JpaStorageSettings();
    // HAPI switches reuse off with null, not with 0.
    Duration reuse = properties.fhir().searchReuse();
    settings.setReuseCachedSearchResultsForMillis(reuse.isZero() ? null : reuse.toMillis());
    // A missing target is a client error here, never a placeholder to fill later.
    settings.setAutoCreatePlaceholderReferenceTargets(false);
    settings.setEnforceReferentialIntegrityOnWrite(true);
    settings.setIndexMissingFields(StorageSettings.IndexEnabledEnum.DISABLED);
    settings.setAllowExternalReferences(false);
    // Clients (demo data, IG conformance resources) use readable ids such as Organization/kf-holbaek.
    settings.setResourceClientIdStrategy(JpaStorageSettings.ClientIdStrategyEnum.ALPHANUMERIC);
    settings.setDefaultSearchParamsCanBeOverridden(true);
    settings.setFetchSizeDefaultMaximum(10_000);
    // Access labels (meta.security, package access) say who may see a resource now, not who could see a version.
    settings.setTagStorageMode(JpaStorageSettings.TagStorageModeEnum.NON_VERSIONED);
    // The profile validator expands the IG's small ValueSets in memory; HAPI's background pre-expansion needs a
    // full-text index the gateway does not run and only logs an ERROR per ValueSet.
    settings.setPreExpandValueSets(false);
    // A batch's entries run one after another on the request's own thread, as a transaction's do. HAPI's default
    // runs them on a pool: the write steps keep the request's case facts and pending audit in the request, which
    // entries on several threads would share, and an entry still running when its request has ended (on shutdown)
    // reads a recycled servlet request.
    settings.setBundleBatchPoolSize(1);
    // A search's first pass selects the ids of its first five pages (with the default page size), so a work list's
    // next pages are there at once. A page beyond them waits for HAPI's continuation of the search, which answers in
    // steps of half a second (~600 ms, once); HAPI's default first pass stops at 13 (the next page took 640 ms). A
    // larger first pass stores that many search results on every poll (bench/load, ~560 open tasks, first page p50:
    // 220 ms with 503, 122 ms with 101, 110 ms with 41).
    settings.setSearchPreFetchThresholds(
        java.util.List.of(5 * properties.fhir().defaultPageSize() + 1, 2003, -1));
    return settings;
  }

  @Bean
  public PartitionSettings partitionSettings() {
    return new PartitionSettings();
  }

  @Bean
  public IBinaryStorageSvc binaryStorageSvc() {
    return new DatabaseBinaryContentStorageSvcImpl();
  }

  @Primary
  @Bean
  public LocalContainerEntityManagerFactoryBean entityManagerFactory(
      DataSource dataSource,
      DataSourceProperties dataSourceProperties,
      ConfigurableListableBeanFactory beanFactory,
      FhirContext fhirContext,
      JpaStorageSettings storageSettings,
      GatewayProperties properties) {
    LocalContainerEntityManagerFactoryBean factory =
        HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, fhirContext, storageSettings);
    factory.setPersistenceUnitName("HAPI_PU");
    factory.setDataSource(dataSource);
    factory.setJpaProperties(HibernateSettings.forUrl(dataSourceProperties.determineUrl(), properties.storage()));
    return factory;
  }

  @Primary
  @Bean
  public JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
    return new JpaTransactionManager(entityManagerFactory);
  }
}
