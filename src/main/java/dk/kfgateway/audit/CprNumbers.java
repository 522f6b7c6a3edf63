package dk.kfgateway.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import dk.kfgateway.ig.Ig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CPR number of a citizen an audit record names, so that the trail can be searched by CPR by the administrator,
 * who sees no case data. A citizen's CPR never changes (SEC-011), so the numbers of recently audited citizens are kept.
 * A citizen written by the request is remembered as it is stored; any other is looked up in a read-only transaction of
 * its own, never in the request's: a search inside a write transaction marked concurrent referrals on PostgreSQL for
 * rollback (500s under load).
 */
final class CprNumbers {

  private static final int KEPT = 10_000;

  private final DaoRegistry daos;
  private final TransactionTemplate ownTransaction;
  private final Map<String, String> recent = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > KEPT;
    }
  });

  CprNumbers(DaoRegistry daos, PlatformTransactionManager transactions) {
    this.daos = daos;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.ownTransaction.setReadOnly(true);
  }

  /** A citizen as the request stores it: its CPR is known without a lookup. */
  void remember(IBaseResource resource) {
    if (resource instanceof Patient patient && patient.getIdElement().hasIdPart()) {
      patient.getIdentifier().stream().filter(i -> Ig.CPR.equals(i.getSystem()) && i.hasValue()).findFirst()
          .ifPresent(cpr -> recent.put("Patient/" + patient.getIdElement().getIdPart(), cpr.getValue()));
    }
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
    // a search (a failed read would mark the transaction for rollback), in a transaction of its own
    SearchParameterMap byId = SearchParameterMap.newSynchronous("_id", new TokenParam(id.getIdPart()));
    return ownTransaction.execute(status -> daos.getResourceDao(Patient.class)
        .searchForResources(byId, new SystemRequestDetails()).stream()
        .flatMap(p -> ((Patient) p).getIdentifier().stream())
        .filter(i -> Ig.CPR.equals(i.getSystem())).map(i -> i.getValue()).findFirst().orElse(null));
  }
}
