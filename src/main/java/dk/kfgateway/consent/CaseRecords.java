package dk.kfgateway.consent;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Task;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the consent rules read from storage, always as the gateway itself (no caller, no filtering). By default in a
 * transaction of its own, so that a rule asked from inside a task update does not load entities of that write's
 * session; {@link #inline()} reads in the current transaction instead, for hooks that must see what the same
 * transaction created (a citizen and tasks posted in the same referral Bundle as the consent).
 */
class CaseRecords {

  private final DaoRegistry daos;
  private final TransactionTemplate separate;

  CaseRecords(DaoRegistry daos, PlatformTransactionManager transactions) {
    this.daos = daos;
    this.separate = new TransactionTemplate(transactions);
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  private CaseRecords(DaoRegistry daos, TransactionTemplate template) {
    this.daos = daos;
    this.separate = template;
  }

  /** The same records read in the caller's transaction. */
  CaseRecords inline(PlatformTransactionManager transactions) {
    TransactionTemplate joining = new TransactionTemplate(transactions);
    joining.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    return new CaseRecords(daos, joining);
  }

  List<Consent> consentsOf(String patient) {
    return search(Consent.class, "patient", patient);
  }

  List<Task> tasksOf(String patient) {
    return search(Task.class, "patient", patient);
  }

  /** The roles people have at an organisation, e.g. the GPs of a GP clinic. */
  List<PractitionerRole> rolesAt(String organization) {
    return search(PractitionerRole.class, "organization", organization);
  }

  /** The stored citizen with this CPR (or other identifier), for a referral that creates the citizen conditionally. */
  Optional<String> patientWith(String system, String value) {
    SearchParameterMap map = SearchParameterMap.newSynchronous("identifier", new TokenParam(system, value));
    return separate.execute(tx -> daos.getResourceDao(Patient.class).search(map, new SystemRequestDetails())
        .getAllResources().stream().findFirst().map(p -> "Patient/" + p.getIdElement().getIdPart()));
  }

  <T extends IBaseResource> Optional<T> read(String reference, Class<T> type) {
    if (reference == null || reference.isEmpty()) {
      return Optional.empty();
    }
    IdType id = new IdType(reference);
    if (!type.getSimpleName().equals(id.getResourceType()) || !id.hasIdPart()) {
      return Optional.empty();
    }
    // Caught outside the transaction: HAPI's read has already marked it rollback-only, so committing it would fail.
    try {
      return Optional.ofNullable(require(id, type));
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      return Optional.empty();
    }
  }

  /** The resource, or HAPI's own answer for an unknown (404) or deleted (410) id, exactly as a read gets it. */
  <T extends IBaseResource> T require(IdType id, Class<T> type) {
    return separate.execute(tx ->
        daos.getResourceDao(type).read(id.toUnqualifiedVersionless(), new SystemRequestDetails()));
  }

  @SuppressWarnings("unchecked")
  private <T extends IBaseResource> List<T> search(Class<T> type, String parameter, String reference) {
    SearchParameterMap map = SearchParameterMap.newSynchronous(parameter, new ReferenceParam(reference));
    return separate.execute(tx ->
        (List<T>) daos.getResourceDao(type).search(map, new SystemRequestDetails()).getAllResources());
  }
}
