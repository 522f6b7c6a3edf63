package dk.kfgateway.routing;

import dk.kfgateway.routing.ResultRouting.GpConsent;
import java.time.Instant;

/**
 * Whether the citizen's written consent allows contacting their GP (bkg 2019 §5 stk. 2, §11 stk. 5), for the GP copies
 * other than the certificate itself.
 *
 * <p>The answer is {@link dk.kfgateway.consent.ConsentDecisions#gpContact}'s (see {@code RoutingConfig}); {@link
 * #NOT_CHECKED} allows and says so in the Provenance of the copy, for a gateway without the consent service.
 */
@FunctionalInterface
public interface GpContactConsent {

  /** @param organization who contacts the GP: the clinic */
  GpConsent of(String patient, String organization, Instant at);

  GpContactConsent NOT_CHECKED = (patient, organization, at) -> new GpConsent(true,
      "written GP-contact consent not checked: no consent decision service in this build");
}
