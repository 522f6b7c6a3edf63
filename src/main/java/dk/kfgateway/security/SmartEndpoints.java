package dk.kfgateway.security;

import dk.kfgateway.GatewayProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where a client finds the authorisation server, as SMART discovery ({@code /fhir/.well-known/smart-configuration})
 * and the CapabilityStatement announce it: the configured token endpoint, or the embedded one on the host the client
 * used to reach the gateway.
 */
class SmartEndpoints {

  static final String DISCOVERY_PATH = "/fhir/.well-known/smart-configuration";

  private final GatewayProperties.Security security;

  SmartEndpoints(GatewayProperties.Security security) {
    this.security = security;
  }

  String tokenEndpoint(HttpServletRequest request) {
    return present(security.tokenEndpoint()) ? security.tokenEndpoint() : root(request) + "/oauth2/token";
  }

  /** The SMART App Launch 2.x configuration document for backend services. */
  Map<String, Object> discovery(HttpServletRequest request) {
    Map<String, Object> document = new LinkedHashMap<>();
    if (present(security.issuerUri())) {
      document.put("issuer", security.issuerUri());
    }
    String jwks = security.authorizationServer().enabled() ? root(request) + "/oauth2/jwks" : security.jwkSetUri();
    if (present(jwks)) {
      document.put("jwks_uri", jwks);
    }
    document.put("token_endpoint", tokenEndpoint(request));
    document.put("token_endpoint_auth_methods_supported",
        List.of("private_key_jwt", "client_secret_basic", "client_secret_post"));
    document.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384"));
    document.put("grant_types_supported", List.of("client_credentials"));
    document.put("scopes_supported", List.copyOf(RegisteredClients.allScopes(security)));
    document.put("response_types_supported", List.of("token"));
    document.put("capabilities", List.of("client-confidential-asymmetric", "client-confidential-symmetric", "permission-v2", "permission-v1"));
    return document;
  }

  private static String root(HttpServletRequest request) {
    return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
