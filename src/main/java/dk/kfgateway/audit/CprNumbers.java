package dk.kfgateway.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import dk.kfgateway.ig.Ig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;

/**
 * The CPR number of a citizen an audit record names, so that the trail can be searched by CPR by the administrator,
 * who sees no case data. A citizen's CPR never changes (SEC-011), so the numbers of recently audited citizens are kept.
 */
final class CprNumbers {

  private static final int KEPT = 10_000;

  private final DaoRegistry daos;
  private final Map<String, String> recent = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > KEPT;
    }
  });

  CprNumbers(DaoRegistry daos) {
    this.daos = daos;
  }

  /** The CPR of {@code Patient/x}, or null when it has none or is not stored. */
  String of(String citizen) {
    String cpr = recent.get(citizen);
    if (cpr == null) {
      cpr = lookUp(citizen);
      if (cpr != null) {
        recent.put(citizen, cpr);
      }
    }
    return cpr;
  }

  private String lookUp(String citizen) {
    IdType id = new IdType(citizen);
    if (!"Patient".equals(id.getResourceType())) {
      return null;
    }
    // a search, not a read: a failed read inside the request's transaction would mark it for rollback
    SearchParameterMap byId = SearchParameterMap.newSynchronous("_id", new TokenParam(id.getIdPart()));
    return daos.getResourceDao(Patient.class).searchForResources(byId, new SystemRequestDetails()).stream()
        .flatMap(p -> ((Patient) p).getIdentifier().stream())
        .filter(i -> Ig.CPR.equals(i.getSystem())).map(i -> i.getValue()).findFirst().orElse(null);
  }
}
