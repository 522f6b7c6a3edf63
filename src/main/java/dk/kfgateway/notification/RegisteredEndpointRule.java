package dk.kfgateway.notification;

import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SEC-009: a rest-hook Subscription notifies only an endpoint registered for the client that creates or changes it
 * ({@code gateway.security.clients.<client-id>.endpoints}): an exact URL, or a URL prefix ending in {@code /*}. Case
 * data then reaches only the systems of the parties, never an address a client (or someone with its token) makes up,
 * such as the gateway's own database port. Pure: the registrations are given.
 */
final class RegisteredEndpointRule {

  static final RuleRef RULE = new RuleRef("SEC-009", "bkg 2019 §3; sundhedsloven §42a");

  private final Map<String, List<String>> endpointsByClient;

  /** @throws IllegalStateException for a registration that is not an absolute http(s) URL or prefix */
  RegisteredEndpointRule(Map<String, List<String>> endpointsByClient) {
    endpointsByClient.forEach((client, endpoints) -> endpoints.forEach(endpoint -> validate(client, endpoint)));
    this.endpointsByClient = Map.copyOf(endpointsByClient);
  }

  Verdict check(String clientId, String endpoint) {
    List<String> registered = endpointsByClient.getOrDefault(clientId, List.of());
    String candidate = endpoint == null ? "" : endpoint.trim();
    if (isPlainUrl(candidate) && registered.stream().anyMatch(r -> matches(r, candidate))) {
      return Verdict.allowed();
    }
    return Verdict.refused(RULE, clientId + " may notify only the endpoints registered for it ("
        + (registered.isEmpty() ? "none" : registered.stream().collect(Collectors.joining(", ")))
        + ", gateway.security.clients." + clientId + ".endpoints), not '" + candidate + "'",
        "Subscription.channel.endpoint");
  }

  private static boolean matches(String registered, String candidate) {
    return registered.endsWith("/*")
        ? candidate.startsWith(registered.substring(0, registered.length() - 1))
        : candidate.equals(registered);
  }

  /**
   * An absolute http(s) URL with a host, without user info, query, fragment or dot segments, so that a prefix cannot
   * be left by {@code ..} or an {@code @}, and a payload's {@code /<type>/<id>} always extends the path.
   */
  static boolean isPlainUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
      return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
          && uri.getRawUserInfo() == null && uri.getRawFragment() == null && uri.getRawQuery() == null
          && !rawPath.contains("..") && !rawPath.toLowerCase(Locale.ROOT).contains("%2e")
          && !rawPath.contains("\\");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static void validate(String client, String endpoint) {
    String url = endpoint.endsWith("/*") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    boolean prefixWithPath = !endpoint.endsWith("/*") || url.indexOf('/', url.indexOf("//") + 2) > 0;
    if (!isPlainUrl(url) || !prefixWithPath || url.contains("*")) {
      throw new IllegalStateException("gateway.security.clients." + client + ".endpoints: '" + endpoint
          + "' is not an absolute http(s) URL, or a URL prefix ending in /*");
    }
  }
}
