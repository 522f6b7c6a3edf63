package dk.kfgateway.notification;

import dk.kfgateway.security.PartyRole;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The table of subscribers ({@code kf_subscriber}): one row per Subscription, written in the Subscription's own
 * transaction, with its delivery state. A node delivers a subscriber's notifications only under a lease on its row
 * (taken by one conditional update, renewed before each notification, given up after), so that one node at a time
 * delivers them, in order, without holding a database lock while an endpoint answers; a node that dies lets its lease
 * run out and another takes over.
 */
class Subscribers {

  static final String TABLE = "kf_subscriber";
  private static final String COLUMNS = "subscription_id, client_id, role, organization, resource_type, criteria, "
      + "endpoint, payload, headers, status";
  private static final RowMapper<Subscriber> ROW = (rs, n) -> new Subscriber(rs.getString(1), rs.getString(2),
      PartyRole.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
      rs.getBoolean(8), rs.getString(9).isEmpty() ? List.of() : Arrays.asList(rs.getString(9).split("\n")),
      rs.getString(10));

  /** A subscriber's figures, for the Subscription's read and the administrator. */
  record State(String subscription, String client, String status, int failures, Long lastDelivery, Long lastFailure,
      String lastError, long delivered, long failed) {}

  private final JdbcTemplate jdbc;

  Subscribers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void createIfMissing() {
    jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (subscription_id VARCHAR(64) PRIMARY KEY, "
        + "client_id VARCHAR(128) NOT NULL, role VARCHAR(32) NOT NULL, organization VARCHAR(256) NOT NULL, "
        + "resource_type VARCHAR(64) NOT NULL, criteria VARCHAR(2000) NOT NULL, endpoint VARCHAR(1000) NOT NULL, "
        + "payload BOOLEAN NOT NULL, headers VARCHAR(4000) NOT NULL, status VARCHAR(16) NOT NULL, "
        + "failures INT NOT NULL, next_attempt BIGINT NOT NULL, last_delivery BIGINT, last_failure BIGINT, "
        + "last_error VARCHAR(1000), delivered_count BIGINT NOT NULL, failed_count BIGINT NOT NULL, "
        + "updated BIGINT NOT NULL, lease_owner VARCHAR(64), lease_until BIGINT DEFAULT 0 NOT NULL)");
  }

  /** Inserts or replaces what the Subscription says; a resumed one (status back to ACTIVE) starts a fresh count. */
  void save(Subscriber s, Instant now) {
    long at = now.toEpochMilli();
    String headers = String.join("\n", s.headers());
    int changed = jdbc.update("UPDATE " + TABLE + " SET resource_type = ?, criteria = ?, endpoint = ?, payload = ?, "
            + "headers = ?, failures = CASE WHEN status <> ? AND ? = 'ACTIVE' THEN 0 ELSE failures END, "
            + "next_attempt = CASE WHEN status <> ? AND ? = 'ACTIVE' THEN ? ELSE next_attempt END, status = ?, "
            + "updated = ? WHERE subscription_id = ?", s.type(), s.criteria(), s.endpoint(), s.payload(), headers,
        s.status(), s.status(), s.status(), s.status(), at, s.status(), at, s.subscription());
    if (changed == 0) {
      jdbc.update("INSERT INTO " + TABLE + " (" + COLUMNS + ", failures, next_attempt, delivered_count, failed_count, "
              + "updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, 0, ?)", s.subscription(), s.client(),
          s.role().name(), s.organization(), s.type(), s.criteria(), s.endpoint(), s.payload(), headers, s.status(),
          at, at);
    }
  }

  void delete(String subscription) {
    jdbc.update("DELETE FROM " + TABLE + " WHERE subscription_id = ?", subscription);
  }

  Optional<Subscriber> find(String subscription) {
    return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE subscription_id = ?", ROW, subscription)
        .stream().findFirst();
  }

  /** Those matched on each change. */
  List<Subscriber> watching() {
    return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE status IN ('ACTIVE', 'ERROR')", ROW);
  }

  /** Changes when any subscriber was saved or deleted (for the registries of the other nodes). */
  String stamp() {
    return jdbc.queryForObject("SELECT COUNT(*) || '/' || COALESCE(MAX(updated), 0) FROM " + TABLE, String.class);
  }

  /** Active subscribers with notifications due now, under no other node's lease. */
  List<String> due(Instant now) {
    return jdbc.queryForList("SELECT s.subscription_id FROM " + TABLE + " s WHERE s.status = 'ACTIVE' AND "
        + "s.next_attempt <= ? AND s.lease_until < ? AND EXISTS (SELECT 1 FROM " + NotificationQueue.TABLE + " n "
        + "WHERE n.subscription_id = s.subscription_id AND n.state = 'PENDING')", String.class, now.toEpochMilli(),
        now.toEpochMilli());
  }

  /** Takes the lease on a due active subscriber until {@code until}; empty when not due or another node holds it. */
  Optional<Subscriber> claim(String subscription, String node, Instant now, Instant until) {
    int taken = jdbc.update("UPDATE " + TABLE + " SET lease_owner = ?, lease_until = ? WHERE subscription_id = ? AND "
            + "status = 'ACTIVE' AND next_attempt <= ? AND lease_until < ?", node, until.toEpochMilli(), subscription,
        now.toEpochMilli(), now.toEpochMilli());
    return taken == 1 ? find(subscription) : Optional.empty();
  }

  /** Extends this node's lease; false when it is no longer this node's (ran out and taken, or the row is gone). */
  boolean renew(String subscription, String node, Instant until) {
    return jdbc.update("UPDATE " + TABLE + " SET lease_until = ? WHERE subscription_id = ? AND lease_owner = ?",
        until.toEpochMilli(), subscription, node) == 1;
  }

  void release(String subscription, String node) {
    jdbc.update("UPDATE " + TABLE + " SET lease_until = 0 WHERE subscription_id = ? AND lease_owner = ?", subscription,
        node);
  }

  void delivered(String subscription, Instant now) {
    jdbc.update("UPDATE " + TABLE + " SET failures = 0, last_delivery = ?, delivered_count = delivered_count + 1 "
        + "WHERE subscription_id = ?", now.toEpochMilli(), subscription);
  }

  /** Records a failed attempt, due again after the back-off for the consecutive failures so far; returns them. */
  int failed(String subscription, String error, Instant now, java.util.function.IntFunction<Duration> backoff) {
    jdbc.update("UPDATE " + TABLE + " SET failures = failures + 1, failed_count = failed_count + 1, last_failure = ?, "
        + "last_error = ? WHERE subscription_id = ?", now.toEpochMilli(), clip(error), subscription);
    int failures = jdbc.queryForObject("SELECT failures FROM " + TABLE + " WHERE subscription_id = ?", Integer.class,
        subscription);
    jdbc.update("UPDATE " + TABLE + " SET next_attempt = ? WHERE subscription_id = ?",
        now.plus(backoff.apply(failures)).toEpochMilli(), subscription);
    return failures;
  }

  private static final String STATE_COLUMNS = "subscription_id, client_id, status, failures, last_delivery, "
      + "last_failure, last_error, delivered_count, failed_count";
  private static final RowMapper<State> STATE = (rs, n) -> new State(rs.getString(1), rs.getString(2),
      rs.getString(3), rs.getInt(4), (Long) rs.getObject(5), (Long) rs.getObject(6), rs.getString(7), rs.getLong(8),
      rs.getLong(9));

  List<State> states() {
    return jdbc.query("SELECT " + STATE_COLUMNS + " FROM " + TABLE + " ORDER BY client_id, subscription_id", STATE);
  }

  Optional<State> state(String subscription) {
    return jdbc.query("SELECT " + STATE_COLUMNS + " FROM " + TABLE + " WHERE subscription_id = ?", STATE, subscription)
        .stream().findFirst();
  }

  private static String clip(String text) {
    return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
  }
}
