package dk.kfgateway.referral;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Type;

/**
 * The properties of one catalogue concept, read by property code with a default for a missing one. Values are read
 * through their primitive text so that a catalogue author who writes {@code valueString "25"} instead of
 * {@code valueInteger 25} is not punished; a value that cannot be parsed at all fails loudly at load time, because a
 * silently wrong limit would be worse.
 */
final class ConceptProperties {

  private final String conceptCode;
  private final Map<String, Type> values = new HashMap<>();

  ConceptProperties(ConceptDefinitionComponent concept) {
    this.conceptCode = concept.getCode();
    concept.getProperty().forEach(p -> values.putIfAbsent(p.getCode(), p.getValue()));
  }

  int integer(String property, int fallback) {
    String text = text(property, null);
    return text == null ? fallback : parse(property, text, Integer::valueOf);
  }

  BigDecimal decimal(String property, BigDecimal fallback) {
    String text = text(property, null);
    return text == null ? fallback : parse(property, text, BigDecimal::new);
  }

  boolean flag(String property) {
    String text = text(property, null);
    return text != null && parse(property, text, ConceptProperties::strictBoolean);
  }

  /** A dateTime property as an instant, or null when absent. */
  Instant instant(String property) {
    Type value = values.get(property);
    if (value instanceof DateTimeType dateTime && dateTime.getValue() != null) {
      return dateTime.getValue().toInstant();
    }
    String text = text(property, null);
    return text == null ? null : parse(property, text, t -> new DateTimeType(t).getValue().toInstant());
  }

  String text(String property, String fallback) {
    Type value = values.get(property);
    if (value == null || value.primitiveValue() == null || value.primitiveValue().isBlank()) {
      return fallback;
    }
    return value.primitiveValue().trim();
  }

  private static Boolean strictBoolean(String text) {
    if (!text.equals("true") && !text.equals("false")) {
      throw new IllegalArgumentException("not a boolean");
    }
    return Boolean.valueOf(text);
  }

  private <T> T parse(String property, String text, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "kf-services concept '" + conceptCode + "': property '" + property + "' has an unreadable value '" + text
              + "'",
          e);
    }
  }
}
