package dk.kfgateway.security.allowlist;

import java.util.List;
import java.util.Map;

/**
 * What a request asks for, in the terms of the allow-list and nothing else: which kind of request, on which type, with
 * which parameters, whether it is conditional and which conditional references its body holds. Made from HAPI's request
 * by {@link RequestShapes}; judged by {@link AllowList}.
 *
 * @param kind what sort of request
 * @param type the resource type, or null at system level
 * @param interaction for {@link Kind#INTERACTION}: which one
 * @param name for {@link Kind#OPERATION}: the operation ({@code $authorize-lookup}); for {@link Kind#UNLISTED}: what the
 *     request is, in words ("instance history", "$meta")
 * @param parameters the query parameters as the client sent them
 * @param conditional the criteria of a conditional create, update, patch or delete, else null
 * @param conditionalReferences the conditional references ({@code ServiceRequest?_id=x}) in the body
 * @param entries the entries of a transaction
 */
public record RequestShape(
    Kind kind,
    String type,
    Interaction interaction,
    String name,
    Map<String, List<String>> parameters,
    String conditional,
    List<String> conditionalReferences,
    List<RequestShape> entries) {

  /** The sorts of request the allow-list tells apart. */
  public enum Kind {
    /** read, vread, search, create, update, patch or delete on a type. */
    INTERACTION,
    /** An operation on an instance ({@code Task/1/$authorize-lookup}) or the system (type null); on a type UNLISTED. */
    OPERATION,
    TRANSACTION,
    /** The next page of a search: bound to its searcher elsewhere (access.OwnedPages). */
    PAGE,
    METADATA,
    /** Everything HAPI can do that no party's work needs: batch, history, tags, $meta, GraphQL, system search... */
    UNLISTED
  }

  public RequestShape {
    parameters = Map.copyOf(parameters);
    conditionalReferences = List.copyOf(conditionalReferences);
    entries = List.copyOf(entries);
  }

  static RequestShape interaction(String type, Interaction interaction, Map<String, List<String>> parameters,
      String conditional, List<String> conditionalReferences) {
    return new RequestShape(Kind.INTERACTION, type, interaction, null, parameters, conditional, conditionalReferences,
        List.of());
  }

  static RequestShape of(Kind kind, String type, String name, Map<String, List<String>> parameters) {
    return new RequestShape(kind, type, null, name, parameters, null, List.of(), List.of());
  }

  static RequestShape transaction(List<RequestShape> entries) {
    return new RequestShape(Kind.TRANSACTION, null, null, null, Map.of(), null, List.of(), entries);
  }
}
