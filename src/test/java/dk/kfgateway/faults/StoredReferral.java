package dk.kfgateway.faults;

import dk.kfgateway.bench.BenchDatabase;
import dk.kfgateway.ig.Ig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the database holds of one referral, read in HAPI's tables (not through the API, so that no access or consent
 * rule hides anything): the citizen found by CPR, and the ServiceRequests, Tasks, Consents and DocumentReferences that
 * point at them. Whole is the Bundle's seven resources (patient, service request, task, consent, three documents);
 * nothing is none of them.
 */
record StoredReferral(Map<String, Integer> countsByType) {

  static final Map<String, Integer> WHOLE =
      new TreeMap<>(Map.of("Patient", 1, "ServiceRequest", 1, "Task", 1, "Consent", 1, "DocumentReference", 3));

  private static final String CITIZEN = "SELECT t.RES_ID FROM HFJ_SPIDX_TOKEN t WHERE t.RES_TYPE = 'Patient'"
      + " AND t.SP_NAME = 'identifier' AND t.SP_SYSTEM = ? AND t.SP_VALUE = ?";
  private static final String QUERY = "SELECT r.RES_TYPE, COUNT(DISTINCT r.RES_ID) FROM HFJ_RESOURCE r"
      + " WHERE r.RES_DELETED_AT IS NULL AND (r.RES_ID IN (" + CITIZEN + ") OR r.RES_ID IN ("
      + "SELECT l.SRC_RESOURCE_ID FROM HFJ_RES_LINK l WHERE l.TARGET_RESOURCE_ID IN (" + CITIZEN + ")"
      + " AND l.SOURCE_RESOURCE_TYPE IN ('ServiceRequest', 'Task', 'Consent', 'DocumentReference')))"
      + " GROUP BY r.RES_TYPE";

  /** Over a connection of the test's own ({@link BenchDatabase#connect()}), one for all the checks of a test. */
  static StoredReferral of(Connection c, String cpr) {
    try (PreparedStatement query = c.prepareStatement(QUERY)) {
      query.setString(1, Ig.CPR);
      query.setString(2, cpr);
      query.setString(3, Ig.CPR);
      query.setString(4, cpr);
      Map<String, Integer> counts = new TreeMap<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getInt(2));
        }
      }
      return new StoredReferral(counts);
    } catch (SQLException e) {
      throw new IllegalStateException("Reading what is stored of " + cpr + ": " + e.getMessage(), e);
    }
  }

  boolean whole() {
    return WHOLE.equals(countsByType);
  }

  boolean none() {
    return countsByType.isEmpty();
  }
}
