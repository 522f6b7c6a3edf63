package dk.kfgateway.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

/**
 * Announces the security of the API in {@code GET /fhir/metadata} ({@code rest.security}): SMART on FHIR, and the
 * token endpoint in the {@code oauth-uris} extension, as SMART clients look for it there.
 */
@Interceptor
public class CapabilitySecurityInterceptor {

  static final String SERVICE_SYSTEM = "http://terminology.hl7.org/CodeSystem/restful-security-service";
  static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

  private final SmartEndpoints endpoints;
  private final boolean cors;

  CapabilitySecurityInterceptor(SmartEndpoints endpoints, boolean cors) {
    this.endpoints = endpoints;
    this.cors = cors;
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void addSecurity(IBaseConformance generated, ServletRequestDetails request) {
    CapabilityStatement.CapabilityStatementRestSecurityComponent security =
        ((CapabilityStatement) generated).getRestFirstRep().getSecurity();
    security.setCors(cors);
    security.getServiceFirstRep().addCoding(new Coding(SERVICE_SYSTEM, "SMART-on-FHIR", "SMART-on-FHIR"));
    security.setDescription(
        "OAuth2 bearer tokens (SMART on FHIR backend services, client credentials) with system/ scopes;"
            + " discovery at .well-known/smart-configuration");
    if (request != null) {
      Extension uris = security.addExtension().setUrl(OAUTH_URIS);
      uris.addExtension("token", new UriType(endpoints.tokenEndpoint(request.getServletRequest())));
    }
  }
}
