package dk.kfgateway.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;

/**
 * The routing table as data (IG CodeSystem kf-result-routing, one concept per row): for a service and the result
 * document types that fit it, the copies made when a trigger holds. Which documents complete a service is the union of
 * its completion rows' result types.
 */
public final class RoutingTable {

  static final String ANY_SERVICE = "any";

  /** When a row applies. */
  enum Trigger {
    COMPLETION, OTHER_TREATMENT_RECOMMENDED, GP_VISIT_FOLLOWED;

    static Trigger fromCode(String code) {
      return valueOf(code.toUpperCase().replace('-', '_'));
    }
  }

  /** One row: id (the concept code), service or "any", result types (empty: any), trigger, copies, source. */
  record Row(String id, String service, Set<String> resultTypes, Trigger trigger, List<CopyCategory> copies,
      String source) {

    boolean matches(String serviceCode, String resultType, Trigger when) {
      return trigger == when
          && (service.equals(ANY_SERVICE) || service.equals(serviceCode))
          && (resultTypes.isEmpty() || resultTypes.contains(resultType));
    }
  }

  private final List<Row> rows;

  RoutingTable(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  public static RoutingTable fromCodeSystem(CodeSystem codeSystem) {
    List<Row> rows = new ArrayList<>();
    for (ConceptDefinitionComponent concept : codeSystem.getConcept()) {
      rows.add(new Row(concept.getCode(), single(concept, "service"), new LinkedHashSet<>(all(concept, "resultType")),
          Trigger.fromCode(single(concept, "trigger")),
          all(concept, "copy").stream().map(CopyCategory::fromCode).toList(), single(concept, "source")));
    }
    return new RoutingTable(rows);
  }

  /** The document types (kf-document-types) a task of this service may be completed with. */
  public Set<String> resultTypes(String service) {
    return rows.stream().filter(r -> r.trigger() == Trigger.COMPLETION && r.service().equals(service))
        .flatMap(r -> r.resultTypes().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  List<Row> rows(String service, String resultType, Trigger trigger) {
    return rows.stream().filter(r -> r.matches(service, resultType, trigger)).toList();
  }

  /** The table as text, one row a line, for the start-up log. */
  public String describe() {
    return rows.stream().map(r -> String.format("  %-30s %-28s %-28s %-28s -> %s (%s)", r.id(), r.service(),
            r.resultTypes().isEmpty() ? "any result" : String.join(",", r.resultTypes()),
            r.trigger().name().toLowerCase(), r.copies().stream().map(CopyCategory::code).toList(), r.source()))
        .collect(Collectors.joining("\n"));
  }

  private static List<String> all(ConceptDefinitionComponent concept, String property) {
    return concept.getProperty().stream().filter(p -> p.getCode().equals(property))
        .map(p -> p.getValue().primitiveValue()).toList();
  }

  private static String single(ConceptDefinitionComponent concept, String property) {
    List<String> values = all(concept, property);
    if (values.size() != 1) {
      throw new IllegalStateException("Routing row " + concept.getCode() + " needs exactly one " + property);
    }
    return values.get(0);
  }
}
