package dk.kfgateway.security.allowlist;

import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** Turns HAPI's view of a request into the {@link RequestShape} the allow-list judges; knows HAPI, not the rules. */
final class RequestShapes {

  /** {@code "reference": "ServiceRequest?_id=x"} in a patch body, which HAPI parses only later. */
  private static final Pattern CONDITIONAL_IN_TEXT =
      Pattern.compile("\"(?:reference|valueReference)\"\\s*:\\s*\"([A-Z][A-Za-z]+\\?[^\"]*)\"");

  /**
   * The Subscription extensions a party may send: only the gateway's own delivery state, which it shows on a read and
   * drops from a write (notification.DeliveryState); HAPI's would make it run searches of its own on each delivery
   * ({@code subscription-payload-search-criteria}) or change what it sends.
   */
  static final java.util.Set<String> SUBSCRIPTION_EXTENSIONS = dk.kfgateway.notification.DeliveryState.EXTENSIONS;

  private RequestShapes() {}

  /**
   * The request as its method, path, query and headers tell it, before HAPI picks a handler (so an operation or a
   * parameter HAPI does not know is judged too, not answered by HAPI); empty when only the body tells (a POST to the
   * base: transaction or batch).
   */
  static java.util.Optional<RequestShape> ofUrl(RequestDetails request) {
    String type = request.getResourceName();
    String operation = request.getOperation();
    Map<String, List<String>> parameters = parameters(request);
    String method = request.getRequestType() == null ? "GET" : request.getRequestType().name();
    boolean onInstance = request.getId() != null && request.getId().hasIdPart();
    if (type == null) {
      if (operation == null) {
        if (method.equals("POST")) {
          // a Bundle is judged once parsed; a form posted to the base (HAPI would take it for a page) is not one
          return parameters.isEmpty() ? java.util.Optional.empty()
              : java.util.Optional.of(RequestShape.of(RequestShape.Kind.UNLISTED, null, "a form posted to the base",
                  parameters));
        }
        return java.util.Optional.of(parameters.containsKey(Constants.PARAM_PAGINGACTION)
            ? RequestShape.of(RequestShape.Kind.PAGE, null, null, parameters)
            : RequestShape.of(RequestShape.Kind.UNLISTED, null, "a search across all types", parameters));
      }
      return java.util.Optional.of(operation.equals(Constants.URL_TOKEN_METADATA) || method.equals("OPTIONS")
          ? RequestShape.of(RequestShape.Kind.METADATA, null, null, parameters)
          : RequestShape.of(RequestShape.Kind.UNLISTED, null, systemWide(operation), parameters));
    }
    if (request.getCompartmentName() != null) {
      return java.util.Optional.of(RequestShape.of(RequestShape.Kind.UNLISTED, type, "a compartment search", parameters));
    }
    if (operation != null && !operation.equals("_search")) {
      if (operation.equals(Constants.PARAM_HISTORY)) {
        return java.util.Optional.of(RequestShape.of(RequestShape.Kind.UNLISTED, type, "history (_history)", parameters));
      }
      return java.util.Optional.of(onInstance && operation.startsWith("$") && request.getSecondaryOperation() == null
          ? RequestShape.of(RequestShape.Kind.OPERATION, type, operation, parameters)
          : RequestShape.of(RequestShape.Kind.UNLISTED, type, operation + " on the type " + type, parameters));
    }
    boolean search = operation != null || (!onInstance && (method.equals("GET") || method.equals("HEAD")));
    Interaction interaction = search ? Interaction.SEARCH : switch (method) {
      case "GET", "HEAD" -> request.getId().hasVersionIdPart() ? Interaction.VREAD : Interaction.READ;
      case "POST" -> Interaction.CREATE;
      case "PUT" -> Interaction.UPDATE;
      case "PATCH" -> Interaction.PATCH;
      case "DELETE" -> Interaction.DELETE;
      default -> null;
    };
    if (interaction == null) {
      return java.util.Optional.of(RequestShape.of(RequestShape.Kind.UNLISTED, type, "HTTP " + method, parameters));
    }
    String conditional = switch (interaction) {
      case CREATE -> request.getHeader(Constants.HEADER_IF_NONE_EXIST);
      case UPDATE, PATCH, DELETE -> onInstance ? null : type + "?" + query(parameters);
      default -> null;
    };
    boolean judged = interaction == Interaction.SEARCH || interaction == Interaction.READ
        || interaction == Interaction.VREAD || conditional == null;
    return java.util.Optional.of(RequestShape.interaction(type, interaction,
        judged ? parameters : Map.of(), conditional, List.of()));
  }

  /**
   * What only the parsed body tells, once HAPI has it: the entries of a transaction (a batch is on no list), the
   * conditional references of a written resource. Empty for everything the URL already told.
   */
  static java.util.Optional<RequestShape> ofBody(RequestDetails request, RestOperationTypeEnum operation) {
    String type = request.getResourceName();
    return switch (operation) {
      // HAPI calls a batch a transaction too: the Bundle's type tells
      case TRANSACTION, BATCH -> java.util.Optional.of(request.getResource() instanceof Bundle bundle
          && bundle.getType() == Bundle.BundleType.TRANSACTION
          ? RequestShape.transaction(entries(bundle))
          : RequestShape.of(RequestShape.Kind.UNLISTED, null, "a batch", Map.of()));
      case CREATE, UPDATE -> java.util.Optional.of(RequestShape.interaction(type,
          operation == RestOperationTypeEnum.CREATE ? Interaction.CREATE : Interaction.UPDATE, Map.of(), null,
          conditionalReferences(request.getResource())));
      case PATCH -> {
        String text = new String(request.loadRequestContents(), StandardCharsets.UTF_8);
        yield java.util.Optional.of(RequestShape.interaction(type, Interaction.PATCH, Map.of(), null, inText(text)));
      }
      default -> java.util.Optional.empty();
    };
  }

  /**
   * A Subscription carrying an extension that is on no list; its criteria are judged where it is stored, against the
   * parameters the role may subscribe with (notification.SubscriptionIntake, 422 naming the parameter).
   */
  static java.util.Optional<RequestShape> ofCriteria(IBaseResource resource) {
    if (!(resource instanceof org.hl7.fhir.r4.model.Subscription subscription)) {
      return java.util.Optional.empty();
    }
    return java.util.stream.Stream.concat(subscription.getExtension().stream(),
            subscription.getChannel().getExtension().stream())
        .map(org.hl7.fhir.r4.model.Extension::getUrl).filter(url -> !SUBSCRIPTION_EXTENSIONS.contains(url)).findFirst()
        .map(url -> RequestShape.of(RequestShape.Kind.UNLISTED, "Subscription", "the Subscription extension " + url,
            Map.of()));
  }

  private static String decode(String text) {
    return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static String systemWide(String operation) {
    return switch (operation) {
      case Constants.PARAM_HISTORY -> "history (_history)";
      case "$graphql" -> "GraphQL";
      default -> operation + " on the system";
    };
  }

  private static Map<String, List<String>> parameters(RequestDetails request) {
    Map<String, List<String>> sent = new LinkedHashMap<>();
    request.getParameters().forEach((key, values) -> sent.put(key, java.util.Arrays.asList(values)));
    return sent;
  }

  private static String query(Map<String, List<String>> parameters) {
    List<String> pairs = new ArrayList<>();
    parameters.forEach((key, values) -> values.forEach(v -> pairs.add(key + "=" + v)));
    return String.join("&", pairs);
  }









  private static List<RequestShape> entries(IBaseResource body) {
    List<RequestShape> entries = new ArrayList<>();
    if (body instanceof Bundle bundle) {
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        entries.add(entry(entry));
      }
    }
    return entries;
  }

  private static RequestShape entry(Bundle.BundleEntryComponent entry) {
    Bundle.BundleEntryRequestComponent request = entry.getRequest();
    String url = request.getUrl() == null ? "" : request.getUrl().replaceFirst("^/", "");
    String type = url.split("[/?]", 2)[0];
    Bundle.HTTPVerb method = request.getMethod() == null ? Bundle.HTTPVerb.GET : request.getMethod();
    if (method == Bundle.HTTPVerb.POST && url.split("\\?", 2)[0].contains("/")) {
      return RequestShape.of(RequestShape.Kind.UNLISTED, type, "an operation in a transaction", Map.of());
    }
    Interaction interaction = switch (method) {
      case POST -> Interaction.CREATE;
      case PUT -> Interaction.UPDATE;
      case PATCH -> Interaction.PATCH;
      case DELETE -> Interaction.DELETE;
      default -> url.contains("/") ? Interaction.READ : Interaction.SEARCH;
    };
    String conditional = method == Bundle.HTTPVerb.POST
        ? (request.hasIfNoneExist() ? request.getIfNoneExist() : null)
        : (url.contains("?") ? url : null);
    return RequestShape.interaction(type, interaction, Map.of(), conditional, conditionalReferences(entry.getResource()));
  }

  /** Every reference of the form {@code Type?criteria} anywhere in the resource (contained ones included). */
  static List<String> conditionalReferences(IBaseResource resource) {
    List<String> found = new ArrayList<>();
    if (resource instanceof Resource r && !(resource instanceof Bundle)) {
      for (Reference reference : ca.uhn.fhir.context.FhirContext.forR4Cached().newTerser()
          .getAllPopulatedChildElementsOfType(r, Reference.class)) {
        String value = reference.getReference();
        if (value != null && value.contains("?") && !value.startsWith("urn:") && !value.startsWith("#")) {
          found.add(value);
        }
      }
    }
    return found;
  }

  private static List<String> inText(String body) {
    List<String> found = new ArrayList<>();
    Matcher matcher = CONDITIONAL_IN_TEXT.matcher(body);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
