package dk.kfgateway.routing.medcom;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.utilities.npm.NpmPackage;

/** The example messages of the official packages ({@code package/example/}), read from the class path. */
public final class OfficialExamples {

  static final String CARE_COMMUNICATION =
      "medcom.fhir.dk.carecommunication-5.0.4.tgz#Bundle-b56549f7-ed10-422d-8088-f7222b686e46.json";
  private static final String ACKNOWLEDGEMENTS = "medcom.fhir.dk.acknowledgement-2.0.3.tgz#";
  public static final String ACKNOWLEDGEMENT_OK = ACKNOWLEDGEMENTS + "Bundle-a8c041b8-c65a-4fde-a90f-962076918834.json";
  public static final String ACKNOWLEDGEMENT_FATAL_ERROR =
      ACKNOWLEDGEMENTS + "Bundle-bc9535ef-ed94-4060-a928-7baddec7ee71.json";
  public static final String ACKNOWLEDGEMENT_TRANSIENT_ERROR =
      ACKNOWLEDGEMENTS + "Bundle-c9c2b2f6-0807-11ed-861d-0242ac120002.json";
  /** Every official Acknowledgement example: one per response code. */
  public static final List<String> ACKNOWLEDGEMENT_EXAMPLES =
      List.of(ACKNOWLEDGEMENT_OK, ACKNOWLEDGEMENT_TRANSIENT_ERROR, ACKNOWLEDGEMENT_FATAL_ERROR);

  private OfficialExamples() {}

  /** @param example {@code <package file>#<file in package/example>} */
  public static Bundle read(FhirContext fhir, String example) {
    return fhir.newJsonParser().parseResource(Bundle.class, text(example));
  }

  static String text(String example) {
    String[] parts = example.split("#", 2);
    try (InputStream in = OfficialExamples.class.getResourceAsStream("/medcom/" + parts[0])) {
      if (in == null) {
        throw new IllegalStateException("No package " + parts[0] + " on the class path");
      }
      NpmPackage npm = NpmPackage.fromPackage(in);
      try (InputStream file = npm.load("example", parts[1])) {
        return new String(file.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
