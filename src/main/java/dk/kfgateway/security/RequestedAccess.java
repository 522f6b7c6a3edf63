package dk.kfgateway.security;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * What a FHIR interaction does in SMART terms: read/vread/history of an instance are {@code r}, search and type or
 * system history {@code s}, create {@code c}, update/patch/tag changes {@code u}, delete {@code d}. A transaction or
 * batch is what its entries do. An operation ({@code $x}) called with GET only reads ({@code r}); called with POST, one
 * on an instance ({@code Task/1/$authorize-lookup}) acts on that resource ({@code u}), one on a type counts as {@code c}; system-level operations and searches count on {@code *}, so only a wildcard scope
 * allows them. Metadata and the next page of a search (already allowed) need nothing.
 */
public final class RequestedAccess {

  /** One resource type and one action on it, e.g. Task and UPDATE. */
  public record Access(String resourceType, SmartAction action) {}

  static final String ANY_TYPE = "*";

  private RequestedAccess() {}

  /**
   * @param type the resource type of the request (null for system-level interactions)
   * @param httpMethod the request's method
   * @param resource the request's body as HAPI parsed it (the Bundle of a transaction or batch), or null
   */
  public static List<Access> of(
      RestOperationTypeEnum operation, String type, String httpMethod, IBaseResource resource) {
    String on = type == null || type.isBlank() ? ANY_TYPE : type;
    return switch (operation) {
      case METADATA, GET_PAGE -> List.of();
      case READ, VREAD, HISTORY_INSTANCE, GET_TAGS, META -> List.of(new Access(on, SmartAction.READ));
      case SEARCH_TYPE, HISTORY_TYPE, SEARCH_SYSTEM, HISTORY_SYSTEM, GRAPHQL_REQUEST ->
          List.of(new Access(on, SmartAction.SEARCH));
      case CREATE -> List.of(new Access(on, SmartAction.CREATE));
      case UPDATE, PATCH, ADD_TAGS, DELETE_TAGS, META_ADD, META_DELETE, UPDATE_REWRITE_HISTORY ->
          List.of(new Access(on, SmartAction.UPDATE));
      case DELETE -> List.of(new Access(on, SmartAction.DELETE));
      case TRANSACTION, BATCH -> entries(resource);
      // an operation posted to the system ($process-message) creates a message, a Bundle, whatever body was sent: a
      // body of another kind is the operation's to refuse (422), not a scope the caller lacks
      case EXTENDED_OPERATION_SERVER -> List.of("GET".equalsIgnoreCase(httpMethod)
          ? new Access(on, SmartAction.READ) : new Access("Bundle", SmartAction.CREATE));
      case EXTENDED_OPERATION_INSTANCE ->
          List.of(new Access(on, "GET".equalsIgnoreCase(httpMethod) ? SmartAction.READ : SmartAction.UPDATE));
      default -> List.of(new Access(on, "GET".equalsIgnoreCase(httpMethod) ? SmartAction.READ : SmartAction.CREATE));
    };
  }

  private static List<Access> entries(IBaseResource resource) {
    List<Access> accesses = new ArrayList<>();
    if (resource instanceof Bundle bundle) {
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        accesses.add(entry(entry.getRequest()));
      }
    }
    return accesses;
  }

  /** An entry's type is the first segment of its URL ({@code Task/1}, {@code Task?x=y}); {@code $op} is system-wide. */
  private static Access entry(Bundle.BundleEntryRequestComponent request) {
    String url = request.getUrl() == null ? "" : request.getUrl().replaceFirst("^/", "");
    String first = url.split("[/?]", 2)[0];
    String type = first.isEmpty() || first.startsWith("$") ? ANY_TYPE : first;
    boolean instance = url.startsWith(first + "/") && !url.startsWith(first + "/$");
    Bundle.HTTPVerb method = request.getMethod() == null ? Bundle.HTTPVerb.GET : request.getMethod();
    return switch (method) {
      case GET, HEAD -> new Access(type, instance ? SmartAction.READ : SmartAction.SEARCH);
      case POST -> new Access(type, SmartAction.CREATE);
      case PUT, PATCH -> new Access(type, SmartAction.UPDATE);
      case DELETE -> new Access(type, SmartAction.DELETE);
      default -> new Access(type, SmartAction.CREATE);
    };
  }
}
