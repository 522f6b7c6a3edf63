package dk.kfgateway.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;

/**
 * Refuses what HAPI's default lenient parser would silently drop: unknown elements and attributes, values of the wrong
 * JSON type, repeated single elements and invalid primitive values. A client then learns (400 with an
 * OperationOutcome naming the element) that its data did not arrive, instead of finding an empty resource stored.
 * Missing required elements stay to the profile validation, which names the rule.
 */
final class StrictParsing extends LenientErrorHandler {

  StrictParsing() {
    super(false);
    setErrorOnInvalidValue(true);
  }

  @Override
  public void unknownElement(IParserErrorHandler.IParseLocation location, String name) {
    throw new DataFormatException(where(location) + "unknown element '" + name + "'");
  }

  @Override
  public void unknownAttribute(IParserErrorHandler.IParseLocation location, String name) {
    throw new DataFormatException(where(location) + "unknown attribute '" + name + "'");
  }

  @Override
  public void unexpectedRepeatingElement(IParserErrorHandler.IParseLocation location, String name) {
    throw new DataFormatException(where(location) + "element '" + name + "' may occur only once");
  }

  @Override
  public void incorrectJsonType(IParserErrorHandler.IParseLocation location, String name, ValueType expected,
      ScalarType expectedScalar, ValueType found, ScalarType foundScalar) {
    throw new DataFormatException(where(location) + "element '" + name + "' must be a JSON "
        + (expectedScalar != null ? expectedScalar : expected).name().toLowerCase() + ", not "
        + (foundScalar != null ? foundScalar : found).name().toLowerCase());
  }

  private static String where(IParserErrorHandler.IParseLocation location) {
    return location == null || location.getParentElementName() == null
        ? "" : "In " + location.getParentElementName() + ": ";
  }
}
