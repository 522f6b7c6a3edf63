package dk.kfgateway.notification;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The subscribers matched on each change, held in memory by resource type so that a write costs no query. Reloaded
 * at once after a Subscription of this node commits, and when another node's change shows in the table's stamp
 * (checked every {@code gateway.notification.registry-refresh}).
 */
class SubscriberRegistry {

  private final Subscribers subscribers;
  private volatile Map<String, List<Subscriber>> byType = Map.of();
  private volatile String stamp = "";

  SubscriberRegistry(Subscribers subscribers) {
    this.subscribers = subscribers;
  }

  List<Subscriber> watching(String type) {
    return byType.getOrDefault(type, List.of());
  }

  synchronized void reload() {
    stamp = subscribers.stamp();
    byType = subscribers.watching().stream().collect(Collectors.groupingBy(Subscriber::type));
  }

  void reloadIfChanged() {
    if (!subscribers.stamp().equals(stamp)) {
      reload();
    }
  }
}
