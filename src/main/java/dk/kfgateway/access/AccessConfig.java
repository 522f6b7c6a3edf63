package dk.kfgateway.access;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import dk.kfgateway.GatewayProperties;
import dk.kfgateway.consent.ArrivingConsentRelease;
import dk.kfgateway.consent.ConsentRelease;
import dk.kfgateway.fhir.GatewayInterceptors;
import dk.kfgateway.security.CasePartiesLookup;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Access labels in the running server: their upkeep on every write, the narrowing of searches, the second line. */
@Configuration
public class AccessConfig {

  /** How long a search's page owner is remembered: longer than HAPI keeps the search (1 h by default). */
  private static final Duration PAGES_KEPT = Duration.ofHours(2);

  @Bean
  RestrictedCallers restrictedCallers(GatewayProperties properties) {
    return new RestrictedCallers(java.util.Set.copyOf(properties.security().unrestrictedClients()));
  }

  @Bean
  Labeller labeller(DaoRegistry daos, CasePartiesLookup organisations, ConsentRelease release,
      ArrivingConsentRelease arriving, jakarta.persistence.EntityManager entities) {
    return new Labeller(daos, new CaseFiles(daos), organisations::organisationOf, release::releases, arriving,
        entities);
  }

  @Bean
  LabelForecast labelForecast(CasePartiesLookup organisations, ArrivingConsentRelease arriving) {
    return new LabelForecast(organisations::organisationOf, arriving);
  }

  @Bean
  LabelMaintenance labelMaintenance(Labeller labeller, DaoRegistry daos, LabelForecast forecast,
      dk.kfgateway.GatewayProperties properties) {
    java.util.Set<String> administrators = new java.util.TreeSet<>();
    properties.security().clients().values().stream()
        .filter(client -> client.role() == dk.kfgateway.security.PartyRole.ADMINISTRATOR)
        .forEach(client -> administrators.add(client.organization()));
    return new LabelMaintenance(labeller, new CaseFiles(daos), forecast, administrators);
  }

  @Bean
  SearchNarrowing searchNarrowing(RestrictedCallers callers, GatewayInterceptors interceptors) {
    return interceptors.register(new SearchNarrowing(callers));
  }

  /** Who sees what now: the labels, and the consents of a citizen as they hold at this moment. */
  @Bean
  public Visibility visibility(Labeller labeller, DaoRegistry daos, Clock clock) {
    return new Visibility(labeller, new CaseFiles(daos), clock);
  }

  @Bean
  ConsentInterceptor labelFilter(RestrictedCallers callers, Visibility visibility, GatewayInterceptors interceptors) {
    return interceptors.register(new ConsentInterceptor(new LabelFilter(callers, visibility)));
  }

  @Bean
  public Citizens citizens(DaoRegistry daos) {
    return new Citizens(daos);
  }

  @Bean
  UnseenReferences unseenReferences(RestrictedCallers callers, Visibility visibility, DaoRegistry daos) {
    return new UnseenReferences(callers, visibility, daos);
  }

  @Bean
  HiddenAsUnknown hiddenAsUnknown(RestrictedCallers callers, Visibility visibility, DaoRegistry daos,
      GatewayInterceptors interceptors) {
    return interceptors.register(new HiddenAsUnknown(callers, visibility, daos));
  }

  @Bean
  BinaryContext binaryContext(GatewayInterceptors interceptors) {
    return interceptors.register(new BinaryContext());
  }

  @Bean
  MatchedCitizenAnswer matchedCitizenAnswer(GatewayInterceptors interceptors) {
    return interceptors.register(new MatchedCitizenAnswer());
  }

  /** Primary: HAPI's own search services page through it too (without a caller, so unchecked). */
  @Bean
  @org.springframework.context.annotation.Primary
  public OwnedPages ownedPages(JdbcTemplate jdbc, Clock clock) {
    OwnedPages pages = new OwnedPages(jdbc, clock);
    pages.createTable();
    return pages;
  }

  @Bean(destroyMethod = "shutdown")
  ThreadPoolTaskScheduler ownedPagesCleanup(OwnedPages pages, Clock clock) {
    ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    scheduler.setThreadNamePrefix("page-owners-");
    scheduler.initialize();
    scheduler.scheduleWithFixedDelay(() -> pages.forgetBefore(clock.instant().minus(PAGES_KEPT)),
        clock.instant().plus(PAGES_KEPT), PAGES_KEPT);
    return scheduler;
  }
}
