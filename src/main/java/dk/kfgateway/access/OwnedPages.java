package dk.kfgateway.access;

import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dk.kfgateway.security.Caller;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Paging links belong to the client that made the search (for a person signed in to the console: to that person,
 * {@link Caller#party()}): a search's id ({@code _getpages}) is recorded with the client it was answered to, in the table {@value #TABLE} (so every node knows it), and a next page is only served
 * to that client. Anybody else gets HAPI's answer for an unknown or expired search (410), word for word. A search
 * that HAPI reuses for a second client with the same criteria is recorded for that client too.
 */
public class OwnedPages extends DatabaseBackedPagingProvider {

  static final String TABLE = "kf_search_owner";
  private static final String REFUSED = OwnedPages.class.getName() + ".refused";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public OwnedPages(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Creates the table when missing (H2 and PostgreSQL understand the same statements). */
  public void createTable() {
    jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (search_id VARCHAR(64) NOT NULL, "
        + "client_id VARCHAR(200) NOT NULL, created TIMESTAMP NOT NULL, PRIMARY KEY (search_id, client_id))");
  }

  @Override
  public String storeResultList(RequestDetails request, IBundleProvider list) {
    String id = super.storeResultList(request, list);
    Caller.of(request).ifPresent(caller -> {
      if (!owns(id, caller.party())) {
        jdbc.update("INSERT INTO " + TABLE + " (search_id, client_id, created) VALUES (?, ?, ?)", id,
            caller.party(), Timestamp.from(clock.instant()));
      }
    });
    return id;
  }

  @Override
  public IBundleProvider retrieveResultList(RequestDetails request, String id) {
    return allowed(request, id) ? super.retrieveResultList(request, id) : null;
  }

  @Override
  public IBundleProvider retrieveResultList(RequestDetails request, String id, String pageId) {
    return allowed(request, id) ? super.retrieveResultList(request, id, pageId) : null;
  }

  /** Removes the records of searches older than HAPI keeps them. */
  public void forgetBefore(java.time.Instant before) {
    jdbc.update("DELETE FROM " + TABLE + " WHERE created < ?", Timestamp.from(before));
  }

  /** Whether this request asked for a page of another client's search (for its audit record). */
  public static boolean refusedIn(RequestDetails request) {
    return request.getUserData().containsKey(REFUSED);
  }

  /** The gateway's own calls (no caller) page freely; every client only through its own searches. */
  private boolean allowed(RequestDetails request, String id) {
    boolean allowed = Caller.of(request).map(caller -> owns(id, caller.party())).orElse(true);
    if (!allowed) {
      request.getUserData().put(REFUSED, id);
    }
    return allowed;
  }

  private boolean owns(String id, String clientId) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + " WHERE search_id = ? AND client_id = ?",
        Integer.class, id, clientId);
    return count != null && count > 0;
  }
}
