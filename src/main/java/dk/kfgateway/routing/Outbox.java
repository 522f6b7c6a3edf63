package dk.kfgateway.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transactional outbox of GP deliveries: one row per copy to push, written in the completion's own database
 * transaction (same DataSource, same transaction manager), so a copy exists exactly when the completion does. The
 * dispatcher claims due rows one at a time with a row lock that other nodes skip ({@code FOR UPDATE SKIP LOCKED}, on
 * PostgreSQL and H2 2.x alike) and keeps the lock while it delivers: a node that dies releases it, and the row is due
 * again.
 */
public class Outbox {

  // A row's state: PENDING (waiting for an attempt), DELIVERED (acknowledged), DEAD (given up: a dead letter).

  /** One due delivery: its id is the message Bundle's id, the receiver's idempotency key. */
  public record Entry(String id, String communication, String recipient, String endpoint, int attempts) {}

  private static final String TABLE = "kf_gp_outbox";
  private final JdbcTemplate jdbc;
  private volatile Runnable committed = () -> {};

  public Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What to do once a transaction that added rows has committed: wake the dispatcher, not wait for its next round. */
  void onCommit(Runnable action) {
    committed = action;
  }

  /** Creates the table when missing (H2 and PostgreSQL understand the same statements). */
  public void createIfMissing() {
    jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id VARCHAR(64) PRIMARY KEY, "
        + "communication VARCHAR(128) NOT NULL, recipient VARCHAR(128) NOT NULL, endpoint VARCHAR(1000) NOT NULL, "
        + "state VARCHAR(16) NOT NULL, "
        + "attempts INT NOT NULL, next_attempt BIGINT NOT NULL, created BIGINT NOT NULL, delivered BIGINT, "
        + "last_error VARCHAR(1000))");
    jdbc.execute("CREATE INDEX IF NOT EXISTS " + TABLE + "_due ON " + TABLE + " (state, next_attempt)");
    jdbc.execute("CREATE INDEX IF NOT EXISTS " + TABLE + "_comm ON " + TABLE + " (communication)");
  }

  /**
   * Adds a delivery in the caller's transaction; refuses to write outside one, which could outlive a rollback. The
   * endpoint is fixed now, so whichever node delivers sends it where the configuration said at the moment of sending.
   */
  public void add(String id, String communication, String recipient, String endpoint, Instant now) {
    if (!org.springframework.transaction.support.TransactionSynchronizationManager.hasResource(jdbc.getDataSource())) {
      throw new IllegalStateException("The outbox is written only in the transaction of the copy it delivers");
    }
    jdbc.update("INSERT INTO " + TABLE + " (id, communication, recipient, endpoint, state, attempts, next_attempt, "
        + "created) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)", id, communication, recipient, endpoint,
        now.toEpochMilli(), now.toEpochMilli());
    if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
      org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
          new org.springframework.transaction.support.TransactionSynchronization() {
            @Override
            public void afterCommit() {
              committed.run();
            }
          });
    }
  }

  /** The next due row, locked for the caller's transaction; rows other nodes hold are skipped. */
  public Optional<Entry> claimNext(Instant now) {
    List<Entry> due = jdbc.query("SELECT id, communication, recipient, endpoint, attempts FROM " + TABLE
            + " WHERE state = 'PENDING' AND next_attempt <= ? ORDER BY next_attempt"
            + " FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED",
        (rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
        now.toEpochMilli());
    return due.stream().findFirst();
  }

  public void delivered(String id, Instant now) {
    jdbc.update("UPDATE " + TABLE + " SET state = 'DELIVERED', attempts = attempts + 1, delivered = ?, "
        + "last_error = NULL WHERE id = ?", now.toEpochMilli(), id);
  }

  /** Records a failed attempt: due again after {@code wait}, or a dead letter when {@code dead}. */
  public void failed(String id, String error, Instant now, Duration wait, boolean dead) {
    jdbc.update("UPDATE " + TABLE + " SET state = ?, attempts = attempts + 1, next_attempt = ?, last_error = ? "
            + "WHERE id = ?", dead ? "DEAD" : "PENDING", now.plus(wait).toEpochMilli(),
        error.length() > 1000 ? error.substring(0, 1000) : error, id);
  }

  /** Makes a dead letter of this Communication due again, with a fresh count; false when there is none. */
  public boolean retry(String communication, Instant now) {
    return jdbc.update("UPDATE " + TABLE + " SET state = 'PENDING', attempts = 0, next_attempt = ? "
        + "WHERE communication = ? AND state = 'DEAD'", now.toEpochMilli(), communication) > 0;
  }
}
