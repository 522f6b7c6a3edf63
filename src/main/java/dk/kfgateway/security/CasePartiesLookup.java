package dk.kfgateway.security;

import dk.kfgateway.facts.CaseFacts;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Task;

/** The storage side of {@link TenancyFacts}, read through the request's {@link CaseFacts}. */
public class CasePartiesLookup implements TenancyFacts {

  private final CaseFacts facts;

  public CasePartiesLookup(CaseFacts facts) {
    this.facts = facts;
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
      return facts.read(id.getValue(), PractitionerRole.class).map(r -> r.getOrganization().getReference());
    }
    return Optional.empty();
  }

  @Override
  public Optional<IBaseResource> stored(String reference) {
    return facts.read(reference);
  }

  @Override
  public List<String> requestersOfCasesOf(String patient) {
    return facts.inThisWrite().referring(Task.class, "patient", patient).stream()
        .map(t -> organisationOf(t.getRequester().getReference()))
        .flatMap(Optional::stream).distinct().toList();
  }
}
