package dk.kfgateway.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;

/**
 * Per subscriber (client and Subscription): notifications queued, delivered and failed, as Micrometer gauges
 * ({@code kf.notifications.queued|delivered|failed}, at {@code /actuator/metrics}, for the administrator), refreshed
 * from the tables every few seconds, so every node shows the same figures.
 */
class NotificationMetrics {

  private final Subscribers subscribers;
  private final NotificationQueue queue;
  private final MultiGauge queued;
  private final MultiGauge delivered;
  private final MultiGauge failed;

  NotificationMetrics(Subscribers subscribers, NotificationQueue queue, MeterRegistry registry) {
    this.subscribers = subscribers;
    this.queue = queue;
    this.queued = MultiGauge.builder("kf.notifications.queued").description("Notifications waiting for delivery")
        .register(registry);
    this.delivered = MultiGauge.builder("kf.notifications.delivered").description("Notifications delivered")
        .register(registry);
    this.failed = MultiGauge.builder("kf.notifications.failed").description("Failed delivery attempts")
        .register(registry);
  }

  void refresh() {
    List<Subscribers.State> states = subscribers.states();
    Map<String, Long> waiting = queue.queued();
    queued.register(states.stream().map(s -> MultiGauge.Row.of(tags(s), waiting.getOrDefault(s.subscription(), 0L)))
        .toList(), true);
    delivered.register(states.stream().map(s -> MultiGauge.Row.of(tags(s), s.delivered())).toList(), true);
    failed.register(states.stream().map(s -> MultiGauge.Row.of(tags(s), s.failed())).toList(), true);
  }

  private static Tags tags(Subscribers.State state) {
    return Tags.of("subscriber", state.client(), "subscription", state.subscription(), "status", state.status());
  }
}
