package dk.kfgateway.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.time.Clock;
import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the audit trail as AuditEvents in HAPI's storage, searchable by the administrator
 * ({@code GET /fhir/AuditEvent?patient=...}).
 *
 * <p>Every reference in a record (citizen, consent, entities) must name a stored resource: HAPI keeps referential
 * integrity on AuditEvents too.
 */
public class AuditTrail {

  private final DaoRegistry daos;
  private final TransactionTemplate independent;
  private final Clock clock;
  /**
   * Whether each agent reference is stored, looked up once: agents are the registered clients' organisations and
   * people, a handful that change with the configuration, and every audited request names one (an organisation stored
   * later is named by display text until the next start).
   */
  private final java.util.Map<String, Boolean> storedAgents = new java.util.concurrent.ConcurrentHashMap<>();
  private final CprNumbers cprs;

  public AuditTrail(DaoRegistry daos, PlatformTransactionManager transactions, Clock clock) {
    this.daos = daos;
    this.cprs = new CprNumbers(daos, transactions);
    this.independent = new TransactionTemplate(transactions);
    this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** A resource the request stores: a citizen's CPR is then known to the trail without a lookup. */
  void written(org.hl7.fhir.instance.model.api.IBaseResource resource) {
    cprs.remember(resource);
  }

  /**
   * Records in the current transaction, if there is one, so that a change and its audit record commit or roll back
   * together.
   */
  public IdType record(AuditRecord record) {
    return store(record, new TransactionDetails());
  }

  /**
   * As {@link #record(AuditRecord)}, for the record of a FHIR transaction, with HAPI's details of it: they hold the ids
   * it stored, so that the record's references to them are resolved without a query each.
   */
  IdType record(AuditRecord record, TransactionDetails transaction) {
    return store(record, transaction == null ? new TransactionDetails() : transaction);
  }

  /**
   * Records in a transaction of its own, so that the record stays when the request's transaction rolls back: for
   * denials and failures ("a rejected transaction leaves no trace but its audit record").
   */
  public IdType recordIndependently(AuditRecord record) {
    return independent.execute(status -> store(record, new TransactionDetails()));
  }

  private IdType store(AuditRecord record, TransactionDetails transaction) {
    IFhirResourceDao<AuditEvent> dao = daos.getResourceDao(AuditEvent.class);
    AuditEvent event = AuditEvents.of(record, Date.from(clock.instant()), this::isStored, cprs::of);
    return (IdType) dao.create(event, null, true, new SystemRequestDetails(), transaction).getId()
        .toUnqualifiedVersionless();
  }

  private boolean isStored(String reference) {
    Boolean known = storedAgents.get(reference);
    if (known == null) {
      known = lookUp(reference);
      storedAgents.put(reference, known);
    }
    return known;
  }

  private boolean lookUp(String reference) {
    IdType id = new IdType(reference);
    if (id.getResourceType() == null || !daos.isResourceTypeSupported(id.getResourceType())) {
      return false;
    }
    // a search, not a read: a failed read inside the request's transaction would mark it for rollback
    var map = ca.uhn.fhir.jpa.searchparam.SearchParameterMap.newSynchronous(
        "_id", new ca.uhn.fhir.rest.param.TokenParam(id.getIdPart()));
    return !daos.getResourceDao(id.getResourceType()).search(map, new SystemRequestDetails()).isEmpty();
  }

}
