package dk.kfgateway.facts;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the rules of a write read from storage, read once per request and shared by every step: the one way the
 * gateway's rules read rows, always as the gateway itself (no caller, no filtering).
 *
 * <p>The transaction behaviour, decided here once: a read by reference joins the write's transaction, so that it sees
 * what the same request stored before (a citizen created in the referral Bundle); a search runs in a transaction of its
 * own over what has committed, unless asked {@link #inThisWrite() in this write}. Inside a
 * transaction every answer is kept until the transaction ends, and forgotten as soon as the write pipeline sees the
 * resource (or, for a search, any resource of its type) written: a step never sees a stale row. Each caller gets its
 * own copy, so that a step changing what it read changes nothing for the next.
 */
public class CaseFacts {

  private final DaoRegistry daos;
  private final TransactionTemplate separate;
  private final boolean searchInWrite;

  public CaseFacts(DaoRegistry daos, PlatformTransactionManager transactions) {
    this(daos, ownTransaction(transactions), false);
  }

  private CaseFacts(DaoRegistry daos, TransactionTemplate separate, boolean searchInWrite) {
    this.daos = daos;
    this.separate = separate;
    this.searchInWrite = searchInWrite;
  }

  /** The same facts, with searches in the write's own transaction (they see what it stored so far). */
  public CaseFacts inThisWrite() {
    return new CaseFacts(daos, separate, true);
  }

  /** The stored resource behind a reference ({@code Task/1}); empty if unknown, deleted, or not of this type. */
  public <T extends IBaseResource> Optional<T> read(String reference, Class<T> type) {
    IdType id = idOf(reference);
    if (id == null || !type.getSimpleName().equals(id.getResourceType())) {
      return Optional.empty();
    }
    return read(id.getValue()).map(type::cast);
  }

  /** The stored resource behind a reference of any type the server holds. */
  public Optional<IBaseResource> read(String reference) {
    IdType id = idOf(reference);
    if (id == null || !daos.isResourceTypeSupported(id.getResourceType())) {
      return Optional.empty();
    }
    Optional<IBaseResource> found = remembered("read " + id.getValue(), () -> {
      try {
        // null for a resource HAPI holds only as a placeholder inside a transaction answered in full representation
        return Optional.ofNullable(daos.getResourceDao(id.getResourceType()).read(id, new SystemRequestDetails()));
      } catch (ResourceNotFoundException | ResourceGoneException e) {
        return Optional.<IBaseResource>empty();
      }
    });
    return found.map(CaseFacts::copy);
  }

  /** The resource, or HAPI's own answer for an unknown (404) or deleted (410) id, exactly as a read gets it. */
  public <T extends IBaseResource> T require(IdType id, Class<T> type) {
    return separate.execute(tx ->
        daos.getResourceDao(type).read(id.toUnqualifiedVersionless(), new SystemRequestDetails()));
  }

  /** The resources of a type whose reference parameter points to a resource ({@code Task?patient=Patient/1}). */
  @SuppressWarnings("unchecked")
  public <T extends IBaseResource> List<T> referring(Class<T> type, String parameter, String reference) {
    String key = "search " + type.getSimpleName() + "?" + parameter + "=" + reference + (searchInWrite ? " (write)" : "");
    List<IBaseResource> found = remembered(key, () -> search(type,
        SearchParameterMap.newSynchronous(parameter, new ReferenceParam(reference))));
    return found.stream().map(r -> (T) copy(r)).toList();
  }

  /** The stored citizen with this identifier (a CPR), as {@code Patient/<id>}. */
  public Optional<String> citizenWith(String system, String value) {
    SearchParameterMap map = SearchParameterMap.newSynchronous("identifier", new TokenParam(system, value));
    return search(Patient.class, map).stream().findFirst().map(p -> "Patient/" + p.getIdElement().getIdPart());
  }

  /** Called by the write pipeline for every resource written: what was read of it, or of its type, is stale. */
  public void written(IBaseResource resource) {
    Map<String, Object> kept = kept(false);
    if (kept != null && resource != null) {
      String type = resource.fhirType();
      kept.keySet().removeIf(key -> key.startsWith("search " + type + "?")
          || resource.getIdElement().hasIdPart()
          && key.equals("read " + type + "/" + resource.getIdElement().getIdPart()));
    }
  }

  private List<IBaseResource> search(Class<? extends IBaseResource> type, SearchParameterMap map) {
    Supplier<List<IBaseResource>> search = () -> daos.getResourceDao(type).search(map, new SystemRequestDetails())
        .getAllResources();
    return searchInWrite ? search.get() : separate.execute(tx -> search.get());
  }

  @SuppressWarnings("unchecked")
  private <V> V remembered(String key, Supplier<V> reading) {
    Map<String, Object> kept = kept(true);
    if (kept == null) {
      return reading.get();
    }
    Object value = kept.get(key);
    if (value == null) {
      value = reading.get();
      kept.put(key, value);
    }
    return (V) value;
  }

  /** What this transaction has read, bound to it and dropped when it completes; null outside a transaction. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> kept(boolean create) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Object bound = TransactionSynchronizationManager.getResource(CaseFacts.class);
    if (bound != null || !create) {
      return (Map<String, Object>) bound;
    }
    Map<String, Object> kept = new HashMap<>();
    TransactionSynchronizationManager.bindResource(CaseFacts.class, kept);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(CaseFacts.class);
      }
    });
    return kept;
  }

  private static IdType idOf(String reference) {
    if (reference == null || reference.isEmpty() || reference.startsWith("urn:") || reference.startsWith("#")) {
      return null;
    }
    IdType id = new IdType(reference).toUnqualifiedVersionless();
    return id.getResourceType() == null || !id.hasIdPart() ? null : id;
  }

  private static IBaseResource copy(IBaseResource resource) {
    return resource instanceof Resource r ? r.copy() : resource;
  }

  private static TransactionTemplate ownTransaction(PlatformTransactionManager transactions) {
    TransactionTemplate template = new TransactionTemplate(transactions);
    template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return template;
  }
}
