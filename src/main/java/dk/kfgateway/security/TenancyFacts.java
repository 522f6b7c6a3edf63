package dk.kfgateway.security;

import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * What the pure {@link TenantPolicy} needs to know beyond the resource itself, looked up in storage by {@link
 * CasePartiesLookup}: the organisation behind a reference and the parties of a piece of case data.
 */
public interface TenancyFacts {

  /** The Organization behind {@code Organization/x} (itself) or {@code PractitionerRole/y} (its organization). */
  Optional<String> organisationOf(String reference);

  /** The parties of this resource's case(s), as far as a caller of this role needs them. */
  CaseParties partiesOf(IBaseResource resource, PartyRole role);

  /** The parties of a stored resource by reference ({@code ServiceRequest/7}); none when it does not exist. */
  CaseParties partiesOf(String reference, PartyRole role);
}
