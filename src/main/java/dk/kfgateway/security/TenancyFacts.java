package dk.kfgateway.security;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * What the pure {@link TenantPolicy} needs to know beyond the resource itself, looked up in storage by {@link
 * CasePartiesLookup}: the organisation behind a reference, a stored resource, and the municipalities whose cases use a
 * citizen.
 */
public interface TenancyFacts {

  /** The Organization behind {@code Organization/x} (itself) or {@code PractitionerRole/y} (its organization). */
  Optional<String> organisationOf(String reference);

  /** The stored resource ({@code ServiceRequest/7}), with its access labels; none when it does not exist. */
  Optional<IBaseResource> stored(String reference);

  /** The organisations that requested the tasks of this citizen ({@code Patient/x}). */
  List<String> requestersOfCasesOf(String patient);
}
