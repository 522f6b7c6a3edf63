package dk.kfgateway.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Task;

/** The storage side of {@link TenancyFacts}: the gateway's own DAO calls (no caller, so no narrowing). */
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
      return stored(id.getValue()).map(r -> ((PractitionerRole) r).getOrganization().getReference());
    }
    return Optional.empty();
  }

  @Override
  public Optional<IBaseResource> stored(String reference) {
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

  @Override
  public List<String> requestersOfCasesOf(String patient) {
    SearchParameterMap map = SearchParameterMap.newSynchronous("patient", new ReferenceParam(patient));
    return daos.getResourceDao(Task.class).searchForResources(map, new SystemRequestDetails()).stream()
        .map(t -> organisationOf(((Task) t).getRequester().getReference()))
        .flatMap(Optional::stream).distinct().toList();
  }
}
