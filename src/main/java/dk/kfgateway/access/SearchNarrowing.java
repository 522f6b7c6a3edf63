package dk.kfgateway.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Isolation in the query: every search of case data by a restricted caller gets the caller's organisation's access
 * label as a further criterion ({@code _security=kf-access|<organisation>}), so HAPI selects only the rows the caller
 * may see: pages are full of the caller's own data and no count, id or page link tells of anybody else's.
 *
 * <p>The links of a search's answer are ones its client may follow as given (SEC-008 takes a page only with its link
 * unchanged): the self link without that added criterion, and the page links ({@code _getpages}) without the
 * {@code _include}s HAPI writes into them, which change nothing, as every page includes what its search stored.
 */
@Interceptor
public class SearchNarrowing {

  /** After the caller is known (CallerInterceptor, order 0). */
  static final int ORDER = 20;

  private final RestrictedCallers callers;

  SearchNarrowing(RestrictedCallers callers) {
    this.callers = callers;
  }

  /** Parameters HAPI writes into a page link that a page does not use. */
  private static final Set<String> NOT_FOR_A_PAGE =
      Set.of("_include", "_include:iterate", "_revinclude", "_revinclude:iterate");

  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = ORDER)
  public void narrow(RequestDetails request) {
    if (request.getRestOperationType() != RestOperationTypeEnum.SEARCH_TYPE
        || !AccessLabels.LABELLED_TYPES.contains(request.getResourceName())) {
      return;
    }
    callers.of(request).ifPresent(caller -> {
      Map<String, String[]> parameters = new HashMap<>(request.getParameters());
      parameters.put("_security",
          new String[] {AccessLabels.SYSTEM + "|" + AccessLabels.code(caller.organization())});
      request.setParameters(parameters);
    });
  }

  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public void links(ResponseDetails response) {
    if (response.getResponseResource() instanceof Bundle bundle && bundle.getType() == Bundle.BundleType.SEARCHSET) {
      for (Bundle.BundleLinkComponent link : bundle.getLink()) {
        if (link.getUrl() != null && link.getUrl().contains("_getpages=")) {
          link.setUrl(without(link.getUrl(), NOT_FOR_A_PAGE));
        } else if (Bundle.LINK_SELF.equals(link.getRelation()) && link.getUrl() != null) {
          link.setUrl(without(link.getUrl(), Set.of("_security")));
        }
      }
    }
  }

  private static String without(String url, Set<String> names) {
    int query = url.indexOf('?');
    if (query < 0) {
      return url;
    }
    String kept = Arrays.stream(url.substring(query + 1).split("&"))
        .filter(pair -> !names.contains(name(pair))).collect(Collectors.joining("&"));
    return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
  }

  private static String name(String pair) {
    String name = pair.split("=", 2)[0];
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return name;
    }
  }
}
