package dk.kfgateway.settlement;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

/**
 * The OASIS UBL 2.1 Invoice schema, to validate an exported invoice against: the XSDs the UBL library ships (its own
 * list, the shared CCTS module first, as the schemas import it from another jar).
 */
final class UblSchema {

  private static Schema schema;

  private UblSchema() {}

  /** Throws when the document is not a valid UBL 2.1 Invoice. */
  static void validate(String xml) throws Exception {
    Validator validator = schema().newValidator();
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    validator.validate(new StreamSource(new StringReader(xml)));
  }

  private static synchronized Schema schema() throws Exception {
    if (schema == null) {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      schema = factory.newSchema(com.helger.ubl21.UBL21Marshaller.getAllInvoiceXSDs().stream()
          .map(xsd -> new StreamSource(xsd.getAsURL().toExternalForm())).toArray(javax.xml.transform.Source[]::new));
    }
    return schema;
  }
}
