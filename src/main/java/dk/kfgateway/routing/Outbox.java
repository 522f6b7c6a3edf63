package dk.kfgateway.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transactional outbox of GP deliveries: one row per copy to push, written in the completion's own database
 * transaction (same DataSource, same transaction manager), so a copy exists exactly when the completion does. The
 * dispatcher claims due rows one at a time with a row lock that other nodes skip ({@code FOR UPDATE SKIP LOCKED}, on
 * PostgreSQL and H2 2.x alike) and keeps the lock while it delivers: a node that dies releases it, and the row is due
 * again. Each row carries the MedCom message itself, fixed when it was written: every attempt sends the very same
 * message (MedCom reliable messaging: a resend keeps its Bundle.id and MessageHeader.id), and the MessageHeader.id is
 * what the GP system's Acknowledgement names.
 */
public class Outbox {

  /** A row's state. */
  public enum State {
    /** Waiting for an attempt. */
    PENDING,
    /** Sent, waiting for the GP system's Acknowledgement until {@code next_attempt}; then sent again. */
    SENT,
    /** Acknowledged ok. */
    DELIVERED,
    /** Given up: a dead letter for the secretariat. */
    DEAD
  }

  /**
   * One delivery: its id is the message Bundle's id, {@code header} its MessageHeader.id, {@code message} the message
   * as JSON (null in rows written before messages were MedCom messages).
   */
  public record Entry(String id, String communication, String recipient, String endpoint, int attempts, State state,
      String header, String message) {}

  private static final String COLUMNS =
      "id, communication, recipient, endpoint, attempts, state, header_id, message";

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
    jdbc.execute("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS header_id VARCHAR(64)");
    jdbc.execute("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS message TEXT");
    jdbc.execute("CREATE INDEX IF NOT EXISTS " + TABLE + "_due ON " + TABLE + " (state, next_attempt)");
    jdbc.execute("CREATE INDEX IF NOT EXISTS " + TABLE + "_header ON " + TABLE + " (header_id)");
    jdbc.execute("CREATE INDEX IF NOT EXISTS " + TABLE + "_comm ON " + TABLE + " (communication)");
  }

  /**
   * Adds a delivery in the caller's transaction; refuses to write outside one, which could outlive a rollback. The
   * endpoint is fixed now, so whichever node delivers sends it where the configuration said at the moment of sending.
   */
  public void add(String id, String communication, String recipient, String endpoint, String header, String message,
      Instant now) {
    if (!org.springframework.transaction.support.TransactionSynchronizationManager.hasResource(jdbc.getDataSource())) {
      throw new IllegalStateException("The outbox is written only in the transaction of the copy it delivers");
    }
    jdbc.update("INSERT INTO " + TABLE + " (id, communication, recipient, endpoint, state, attempts, next_attempt, "
        + "created, header_id, message) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)", id, communication, recipient,
        endpoint, now.toEpochMilli(), now.toEpochMilli(), header, message);
    dk.kfgateway.fhir.AfterCommit.run(() -> committed.run());
  }

  /**
   * The next due row (waiting for an attempt, or sent and unacknowledged past its time), locked for the caller's
   * transaction; rows other nodes hold are skipped.
   */
  public Optional<Entry> claimNext(Instant now) {
    return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE
            + " WHERE state IN ('PENDING', 'SENT') AND next_attempt <= ? ORDER BY next_attempt"
            + " FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED", Outbox::entry, now.toEpochMilli())
        .stream().findFirst();
  }

  /**
   * The delivery of the message with this MessageHeader.id to this recipient, locked for the caller's transaction
   * (waiting while a dispatcher holds it), whatever its state.
   */
  public Optional<Entry> lockByHeader(String header, String recipient) {
    return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE header_id = ? AND recipient = ? FOR UPDATE",
        Outbox::entry, header, recipient).stream().findFirst();
  }

  /** The delivery of this Communication, if it is pushed. */
  public Optional<Entry> ofCommunication(String communication) {
    return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE communication = ?", Outbox::entry,
        communication).stream().findFirst();
  }

  private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
        State.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8));
  }

  /** Records an attempt the GP system took without acknowledging yet: sent again after {@code ackDeadline}. */
  public void sent(String id, Instant ackDeadline) {
    jdbc.update("UPDATE " + TABLE + " SET state = 'SENT', attempts = attempts + 1, next_attempt = ?, "
        + "last_error = NULL WHERE id = ?", ackDeadline.toEpochMilli(), id);
  }

  /** Acknowledged ok; {@code attempted} when this call also counts an attempt (an answer in the HTTP response). */
  public void delivered(String id, Instant now, boolean attempted) {
    jdbc.update("UPDATE " + TABLE + " SET state = 'DELIVERED', attempts = attempts + ?, delivered = ?, "
        + "last_error = NULL WHERE id = ?", attempted ? 1 : 0, now.toEpochMilli(), id);
  }

  /**
   * Records a failed attempt (or a negative acknowledgement of one): due again after {@code wait}, or a dead letter
   * when {@code dead}; {@code attempted} when this call also counts the attempt.
   */
  public void failed(String id, String error, Instant now, Duration wait, boolean dead, boolean attempted) {
    jdbc.update("UPDATE " + TABLE + " SET state = ?, attempts = attempts + ?, next_attempt = ?, last_error = ? "
            + "WHERE id = ?", dead ? "DEAD" : "PENDING", attempted ? 1 : 0, now.plus(wait).toEpochMilli(),
        error.length() > 1000 ? error.substring(0, 1000) : error, id);
  }

  /**
   * Makes a dead letter of this Communication due again as a new message (its id, MessageHeader.id and JSON), with a
   * fresh count; false when there is none.
   */
  public boolean retry(String communication, String id, String header, String message, Instant now) {
    return jdbc.update("UPDATE " + TABLE + " SET id = ?, header_id = ?, message = ?, state = 'PENDING', attempts = 0, "
        + "next_attempt = ?, last_error = NULL WHERE communication = ? AND state = 'DEAD'", id, header, message,
        now.toEpochMilli(), communication) > 0;
  }
}
