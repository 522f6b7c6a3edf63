package dk.kfgateway.audit;

import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import java.util.Optional;

/** A request as the audit trail names it: the AuditEvent action (C/R/U/D/E) and the restful-interaction subtype. */
record RequestKind(String action, String subtype) {

  /** Interactions that only read, audited after the answer; empty for the others. */
  static Optional<RequestKind> reading(RestOperationTypeEnum operation, RequestTypeEnum method) {
    if (operation == null) {
      return Optional.empty();
    }
    return switch (operation) {
      case READ -> Optional.of(new RequestKind("R", "read"));
      case VREAD -> Optional.of(new RequestKind("R", "vread"));
      case SEARCH_TYPE, GET_PAGE -> Optional.of(new RequestKind("E", "search-type"));
      case SEARCH_SYSTEM -> Optional.of(new RequestKind("E", "search-system"));
      case HISTORY_INSTANCE -> Optional.of(new RequestKind("R", "history-instance"));
      case HISTORY_TYPE -> Optional.of(new RequestKind("R", "history-type"));
      case HISTORY_SYSTEM -> Optional.of(new RequestKind("R", "history-system"));
      case EXTENDED_OPERATION_INSTANCE, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_SERVER ->
          method == RequestTypeEnum.GET ? Optional.of(new RequestKind("E", "operation")) : Optional.empty();
      default -> Optional.empty();
    };
  }

  /**
   * A request's kind; one refused before HAPI chose its handler (the allow-list) has no interaction yet, and is named
   * from its method and path.
   */
  static RequestKind of(ca.uhn.fhir.rest.api.server.RequestDetails request) {
    if (request.getRestOperationType() != null) {
      return of(request.getRestOperationType(), request.getRequestType());
    }
    boolean instance = request.getId() != null && request.getId().hasIdPart();
    String method = request.getRequestType() == null ? "GET" : request.getRequestType().name();
    if (request.getOperation() != null && !"_search".equals(request.getOperation())) {
      return new RequestKind("E", "operation");
    }
    return switch (method) {
      case "GET", "HEAD" -> instance ? new RequestKind("R", "read") : new RequestKind("E", "search-type");
      case "POST" -> request.getResourceName() == null ? new RequestKind("E", "transaction")
          : "_search".equals(request.getOperation()) ? new RequestKind("E", "search-type")
          : new RequestKind("C", "create");
      case "PUT" -> new RequestKind("U", "update");
      case "PATCH" -> new RequestKind("U", "patch");
      case "DELETE" -> new RequestKind("D", "delete");
      default -> new RequestKind("E", "operation");
    };
  }

  static RequestKind of(RestOperationTypeEnum operation, RequestTypeEnum method) {
    Optional<RequestKind> reading = reading(operation, method);
    if (reading.isPresent() || operation == null) {
      return reading.orElse(new RequestKind("E", "operation"));
    }
    return switch (operation) {
      case CREATE -> new RequestKind("C", "create");
      case UPDATE -> new RequestKind("U", "update");
      case PATCH -> new RequestKind("U", "patch");
      case DELETE -> new RequestKind("D", "delete");
      case TRANSACTION -> new RequestKind("E", "transaction");
      case BATCH -> new RequestKind("E", "batch");
      default -> new RequestKind("E", "operation");
    };
  }
}
