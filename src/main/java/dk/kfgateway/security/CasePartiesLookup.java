package dk.kfgateway.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The storage side of {@link TenancyFacts}: finds the parties of a piece of case data with the gateway's own DAO calls
 * (no caller, so no filtering). Looks up only what the caller's role needs: the tasks of a case for municipalities and
 * clinics, the Communications carrying it for GPs.
 */
public class CasePartiesLookup implements TenancyFacts {

  private final DaoRegistry daos;

  public CasePartiesLookup(DaoRegistry daos) {
    this.daos = daos;
  }

  @Override
  public Optional<String> organisationOf(String reference) {
    if (reference == null) {
      return Optional.empty();
    }
    IdType id = new IdType(reference).toUnqualifiedVersionless();
    if ("Organization".equals(id.getResourceType())) {
      return Optional.of(id.getValue());
    }
    if ("PractitionerRole".equals(id.getResourceType())) {
      return read(id.getValue()).map(r -> ((PractitionerRole) r).getOrganization().getReference());
    }
    return Optional.empty();
  }

  @Override
  public CaseParties partiesOf(String reference, PartyRole role) {
    return read(reference).map(r -> partiesOf(r, role)).orElse(CaseParties.NONE);
  }

  @Override
  public CaseParties partiesOf(IBaseResource resource, PartyRole role) {
    boolean tasks = role != PartyRole.GP;
    if (resource instanceof Task task) {
      return ofTask(task);
    }
    if (resource instanceof ServiceRequest request) {
      CaseParties parties = new CaseParties(orgs(List.of(request.getRequester())), Set.of(), Set.of(), Set.of());
      return tasks ? parties.and(ofTasks("focus", id(request))) : parties;
    }
    if (resource instanceof Patient) {
      CaseParties parties = tasks ? ofTasks("patient", id(resource)) : CaseParties.NONE;
      return role == PartyRole.GP ? parties.and(ofCommunications(id(resource), null)) : parties;
    }
    if (resource instanceof Consent consent) {
      return ofConsent(consent, tasks);
    }
    if (resource instanceof DocumentReference document) {
      return ofDocument(document, role);
    }
    if (resource instanceof Communication communication) {
      return new CaseParties(Set.of(), orgs(List.of(communication.getSender())),
          orgs(communication.getRecipient()), Set.of());
    }
    if (resource instanceof Binary binary && binary.hasSecurityContext()) {
      String context = binary.getSecurityContext().getReference();
      return context.startsWith("Organization/")
          ? new CaseParties(Set.of(), Set.of(), Set.of(), Set.of(context))
          : partiesOf(context, role);
    }
    return CaseParties.NONE;
  }

  private CaseParties ofTask(Task task) {
    return new CaseParties(orgs(List.of(task.getRequester())), orgs(List.of(task.getOwner())), Set.of(), Set.of());
  }

  private CaseParties ofTasks(String parameter, String reference) {
    CaseParties parties = CaseParties.NONE;
    for (IBaseResource task : search("Task", parameter, reference)) {
      parties = parties.and(ofTask((Task) task));
    }
    return parties;
  }

  /** The consenting municipality, and the clinics owning that municipality's tasks for the citizen. */
  private CaseParties ofConsent(Consent consent, boolean tasks) {
    Set<String> municipalities = orgs(consent.getOrganization());
    Set<String> owners = new HashSet<>();
    if (tasks && consent.getPatient().getReference() != null) {
      for (IBaseResource found : search("Task", "patient", consent.getPatient().getReference())) {
        CaseParties task = ofTask((Task) found);
        if (task.requesters().stream().anyMatch(municipalities::contains)) {
          owners.addAll(task.owners());
        }
      }
    }
    return new CaseParties(municipalities, owners, Set.of(), Set.of());
  }

  private CaseParties ofDocument(DocumentReference document, PartyRole role) {
    Set<String> authors = orgs(document.getAuthor());
    authors.addAll(orgs(List.of(document.getCustodian())));
    CaseParties parties = new CaseParties(Set.of(), Set.of(), Set.of(), authors);
    for (Reference related : document.getContext().getRelated()) {
      if (related.getReference() != null && related.getReference().startsWith("ServiceRequest/")) {
        parties = parties.and(partiesOf(related.getReference(), role));
      }
    }
    if (role == PartyRole.GP && document.getSubject().getReference() != null) {
      parties = parties.and(ofCommunications(document.getSubject().getReference(), id(document)));
    }
    return parties;
  }

  /** The recipients of the Communications about this citizen (carrying this document, when given). */
  private CaseParties ofCommunications(String patient, String carrying) {
    Set<String> recipients = new HashSet<>();
    for (IBaseResource found : search("Communication", "subject", patient)) {
      Communication communication = (Communication) found;
      boolean carries = carrying == null || communication.getPayload().stream()
          .anyMatch(p -> p.hasContentReference() && carrying.equals(p.getContentReference().getReference()));
      if (carries) {
        recipients.addAll(orgs(communication.getRecipient()));
      }
    }
    return new CaseParties(Set.of(), Set.of(), recipients, Set.of());
  }

  private Set<String> orgs(List<Reference> references) {
    Set<String> organisations = new HashSet<>();
    for (Reference reference : references) {
      organisationOf(reference.getReference()).ifPresent(organisations::add);
    }
    return organisations;
  }

  private static String id(IBaseResource resource) {
    return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
  }

  private List<IBaseResource> search(String type, String parameter, String reference) {
    SearchParameterMap map = SearchParameterMap.newSynchronous(parameter, new ReferenceParam(reference));
    return daos.getResourceDao(type).search(map, new SystemRequestDetails()).getAllResources();
  }

  private Optional<IBaseResource> read(String reference) {
    IdType id = new IdType(reference).toUnqualifiedVersionless();
    if (id.getResourceType() == null || !id.hasIdPart() || !daos.isResourceTypeSupported(id.getResourceType())) {
      return Optional.empty();
    }
    try {
      return Optional.of(daos.getResourceDao(id.getResourceType()).read(id, new SystemRequestDetails()));
    } catch (BaseServerResponseException e) {
      return Optional.empty();
    }
  }
}
