package dk.kfgateway.notification;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.matcher.InMemoryResourceMatcher;
import dk.kfgateway.GatewayProperties;
import dk.kfgateway.access.RestrictedCallers;
import dk.kfgateway.access.Visibility;
import dk.kfgateway.fhir.GatewayInterceptors;
import dk.kfgateway.security.allowlist.AllowList;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Notifications by FHIR R4 Subscriptions (rest-hook), matched and delivered by the gateway itself (HAPI's subscription
 * processing is not used): criteria checked when a Subscription is written, every change matched in memory and queued
 * in its own transaction, delivery per subscriber with back-off, status error and resume.
 */
@Configuration
public class NotificationConfig {

  @Bean
  Subscribers subscribers(JdbcTemplate jdbc) {
    Subscribers subscribers = new Subscribers(jdbc);
    subscribers.createIfMissing();
    return subscribers;
  }

  @Bean
  NotificationQueue notificationQueue(JdbcTemplate jdbc) {
    NotificationQueue queue = new NotificationQueue(jdbc);
    queue.createIfMissing();
    return queue;
  }

  @Bean
  SubscriberRegistry subscriberRegistry(Subscribers subscribers) {
    SubscriberRegistry registry = new SubscriberRegistry(subscribers);
    registry.reload();
    return registry;
  }

  @Bean
  SubscriptionIntake subscriptionIntake(Subscribers subscribers, NotificationQueue queue, SubscriberRegistry registry,
      AllowList allowList, RestrictedCallers restricted, InMemoryResourceMatcher matcher, Clock clock) {
    return 
        new SubscriptionIntake(subscribers, queue, registry, allowList, restricted, matcher, clock);
  }

  @Bean
  DeliveryState deliveryState(Subscribers subscribers, NotificationQueue queue, GatewayInterceptors interceptors) {
    return interceptors.register(new DeliveryState(subscribers, queue));
  }

  @Bean
  NotificationMetrics notificationMetrics(Subscribers subscribers, NotificationQueue queue, MeterRegistry meters) {
    return new NotificationMetrics(subscribers, queue, meters);
  }

  @Bean
  NotificationSchedule notificationSchedule(Subscribers subscribers, NotificationQueue queue, SubscriberRegistry registry,
      NotificationMetrics metrics, DaoRegistry daos, Visibility visibility, FhirContext fhir,
      PlatformTransactionManager transactions, RestrictedCallers restricted, GatewayProperties properties, Clock clock) {
    GatewayProperties.Notification settings = properties.notification();
    NotificationDispatcher dispatcher = new NotificationDispatcher(subscribers, queue,
        new NotificationDelivery(daos, visibility, fhir, settings.timeout(), restricted.unrestrictedClients()), daos, transactions, settings, clock);
    return new NotificationSchedule(dispatcher, registry, metrics, settings.interval(), settings.registryRefresh(), settings.workers(),
        settings.dispatcherEnabled());
  }

  @Bean
  ChangeMatcher changeMatcher(SubscriberRegistry registry, NotificationQueue queue, InMemoryResourceMatcher matcher,
      NotificationSchedule schedule, Clock clock) {
    return new ChangeMatcher(registry, queue, matcher, schedule::wakeUp, clock);
  }

  /** SEC-009: rest-hook endpoints only as registered per client (gateway.security.clients.<id>.endpoints). */
  @Bean
  public SubscriptionEndpointGuard subscriptionEndpointGuard(GatewayProperties properties) {
    Map<String, List<String>> endpoints = new HashMap<>();
    properties.security().clients().forEach((id, client) -> endpoints.put(id, client.endpoints()));
    return new SubscriptionEndpointGuard(new RegisteredEndpointRule(endpoints),
        Set.copyOf(properties.security().unrestrictedClients()));
  }
}
