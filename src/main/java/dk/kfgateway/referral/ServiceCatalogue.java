package dk.kfgateway.referral;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;

/**
 * The services a municipality can order (ydelseskatalog), read from the IG's kf-services CodeSystem. The rules take
 * their limits from here: the catalogue is data, so a new agreement between region and municipalities changes the
 * CodeSystem, not the code.
 */
public final class ServiceCatalogue {

  /** Where a service's source paragraph is unknown, the catalogue itself is the source. */
  static final String CATALOGUE_SOURCE = "IG CodeSystem kf-services";

  private final Map<String, ServiceDefinition> services;

  private ServiceCatalogue(Map<String, ServiceDefinition> services) {
    this.services = Collections.unmodifiableMap(services);
  }

  /** A catalogue of the given services, in the given order. */
  public static ServiceCatalogue of(Collection<ServiceDefinition> services) {
    Map<String, ServiceDefinition> byCode = new LinkedHashMap<>();
    services.forEach(s -> byCode.put(s.code(), s));
    return new ServiceCatalogue(byCode);
  }

  /**
   * Reads every concept (nested ones too) by the contract's property codes. A missing property gets the default that
   * holds for an ordinary service: 75 pages (guide pkt. 12), no points, no special consent, deadline
   * {@code by-agreement}, always orderable, no meeting.
   *
   * @throws IllegalArgumentException when a property value cannot be parsed; this is a configuration error
   */
  public static ServiceCatalogue fromCodeSystem(CodeSystem codeSystem) {
    Map<String, ServiceDefinition> byCode = new LinkedHashMap<>();
    addAll(codeSystem.getConcept(), byCode);
    return new ServiceCatalogue(byCode);
  }

  private static void addAll(List<ConceptDefinitionComponent> concepts, Map<String, ServiceDefinition> byCode) {
    for (ConceptDefinitionComponent concept : concepts) {
      byCode.put(concept.getCode(), toDefinition(concept));
      addAll(concept.getConcept(), byCode);
    }
  }

  private static ServiceDefinition toDefinition(ConceptDefinitionComponent concept) {
    ConceptProperties p = new ConceptProperties(concept);
    return new ServiceDefinition(
        concept.getCode(),
        concept.hasDisplay() ? concept.getDisplay() : concept.getCode(),
        p.integer("maxPages", ServiceDefinition.CASE_PAGE_LIMIT),
        p.decimal("points", BigDecimal.ZERO),
        p.flag("specificConsent"),
        p.flag("writtenConsent"),
        p.text("deadlineRule", "by-agreement"),
        p.instant("orderableUntil"),
        p.flag("requiresDirectPhone"),
        p.flag("requiresEmploymentOffer"),
        p.flag("meeting"),
        p.integer("documentLeadWorkingDays", 0),
        p.text("bookingRule", null),
        p.text("source", CATALOGUE_SOURCE));
  }

  public Optional<ServiceDefinition> find(String code) {
    return Optional.ofNullable(code).map(services::get);
  }

  /** All services in catalogue order. */
  public Collection<ServiceDefinition> services() {
    return services.values();
  }
}
