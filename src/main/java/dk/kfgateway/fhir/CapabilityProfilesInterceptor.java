package dk.kfgateway.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import dk.kfgateway.ig.ImplementationGuide;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;

/**
 * Lists the gateway profile of each type in {@code GET /fhir/metadata} ({@code rest.resource.supportedProfile}), so that
 * a client learns from the server itself what its writes must conform to.
 */
@Interceptor
public class CapabilityProfilesInterceptor {

  private final ImplementationGuide ig;

  public CapabilityProfilesInterceptor(ImplementationGuide ig) {
    this.ig = ig;
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void addProfiles(IBaseConformance generated) {
    CapabilityStatement statement = (CapabilityStatement) generated;
    statement.setPublisher("kf-gateway");
    for (var resource : statement.getRestFirstRep().getResource()) {
      ig.profileFor(resource.getType())
          .filter(profile -> resource.getSupportedProfile().stream().noneMatch(p -> profile.equals(p.getValue())))
          .ifPresent(resource::addSupportedProfile);
    }
  }
}
