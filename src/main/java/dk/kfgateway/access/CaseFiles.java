package dk.kfgateway.access;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Reads a citizen's {@link CaseFile} as the gateway (no caller, no narrowing), in the transaction of the write that
 * changes it, so that what that write stored counts.
 */
class CaseFiles {

  private final DaoRegistry daos;

  CaseFiles(DaoRegistry daos) {
    this.daos = daos;
  }

  CaseFile of(String patient, RequestDetails request) {
    List<DocumentReference> documents = search(DocumentReference.class, "subject", patient, request);
    List<Task> tasks = search(Task.class, "patient", patient, request);
    List<ServiceRequest> requests = search(ServiceRequest.class, "subject", patient, request);
    List<Consent> consents = search(Consent.class, "patient", patient, request);
    List<Communication> communications = search(Communication.class, "subject", patient, request);
    // A Binary is part of the file by its own security context only; a document's attachment url pointing at a Binary
    // does not bring it in (that would let a document of one case relabel the content of another's).
    ReferenceOrListParam contexts = new ReferenceOrListParam().addOr(new ReferenceParam(patient));
    java.util.stream.Stream.of(documents, tasks, requests, consents, communications).flatMap(List::stream)
        .forEach(r -> contexts.addOr(new ReferenceParam(AccessLabelPolicy.id(r))));
    SearchParameterMap binaries = SearchParameterMap.newSynchronous().add("security-context", contexts);
    return new CaseFile(read(patient, request).map(Patient.class::cast).orElse(null), tasks, requests, consents,
        documents, daos.getResourceDao(Binary.class).searchForResources(binaries, request).stream()
            .map(Binary.class::cast).toList(), communications);
  }

  /**
   * The case file of a citizen from resources in hand: what one transaction stored, when that transaction created the
   * citizen, so that nothing outside it can belong to the file.
   */
  static CaseFile ofWritten(String patient, java.util.Collection<IBaseResource> written,
      Function<String, Optional<IBaseResource>> read) {
    List<IBaseResource> own = written.stream()
        .filter(r -> citizenOf(r, read).filter(patient::equals).isPresent()).toList();
    return new CaseFile(only(own, Patient.class).stream().findFirst().orElse(null), only(own, Task.class),
        only(own, ServiceRequest.class), only(own, Consent.class), only(own, DocumentReference.class),
        only(own, Binary.class), only(own, Communication.class));
  }

  private static <T> List<T> only(List<IBaseResource> resources, Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Whether the citizen has a consent still active whose period has ended before this moment. */
  boolean hasLapsedConsent(String patient, Instant now, RequestDetails request) {
    SearchParameterMap lapsed = SearchParameterMap.newSynchronous()
        .add(Consent.SP_PATIENT, new ReferenceParam(patient))
        .add(Consent.SP_STATUS, new TokenParam("active"))
        .add(Consent.SP_PERIOD, new DateParam(ParamPrefixEnum.ENDS_BEFORE, Date.from(now)));
    lapsed.setCount(1);
    return !daos.getResourceDao(Consent.class).searchForResources(lapsed, request).isEmpty();
  }

  /** The citizen a stored or arriving resource belongs to, if any. */
  Optional<String> citizenOf(IBaseResource resource, RequestDetails request) {
    return citizenOf(resource, reference -> read(reference, request));
  }

  /** The same, with the owner of a Binary read by the given means (what a transaction has in hand first). */
  static Optional<String> citizenOf(IBaseResource resource, Function<String, Optional<IBaseResource>> read) {
    if (resource instanceof Patient) {
      return Optional.of(AccessLabelPolicy.id(resource));
    }
    if (resource instanceof Binary binary && binary.hasSecurityContext()) {
      String context = binary.getSecurityContext().getReference();
      return context == null || context.startsWith("Organization/") ? Optional.empty()
          : context.startsWith("Patient/") ? Optional.of(context)
          : read.apply(context).flatMap(owner -> citizenOf(owner, read));
    }
    org.hl7.fhir.r4.model.Reference subject = CitizenReference.of(resource).orElse(null);
    String reference = subject == null ? null : subject.getReference();
    return reference != null && reference.startsWith("Patient/")
        ? Optional.of(new IdType(reference).toUnqualifiedVersionless().getValue()) : Optional.empty();
  }

  Optional<IBaseResource> read(String reference, RequestDetails request) {
    IdType id = new IdType(reference).toUnqualifiedVersionless();
    if (id.getResourceType() == null || !id.hasIdPart() || !daos.isResourceTypeSupported(id.getResourceType())) {
      return Optional.empty();
    }
    try {
      // null for a resource HAPI holds only as a placeholder inside a transaction answered in full representation
      return Optional.ofNullable(daos.getResourceDao(id.getResourceType()).read(id, request));
    } catch (BaseServerResponseException e) {
      return Optional.empty();
    }
  }

  @SuppressWarnings("unchecked")
  private <T extends IBaseResource> List<T> search(Class<T> type, String parameter, String reference,
      RequestDetails request) {
    SearchParameterMap map = SearchParameterMap.newSynchronous(parameter, new ReferenceParam(reference));
    return (List<T>) daos.getResourceDao(type).searchForResources(map, request);
  }
}
