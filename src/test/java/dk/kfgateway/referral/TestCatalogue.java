package dk.kfgateway.referral;

import dk.kfgateway.ig.Ig;

import java.util.function.Consumer;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.StringType;

/**
 * The kf-services catalogue as the tests need it, built as a CodeSystem with the contract's property codes (the IG's
 * JSON is not read, so these tests do not depend on it).
 */
final class TestCatalogue {

  private TestCatalogue() {}

  static ServiceCatalogue catalogue() {
    return ServiceCatalogue.fromCodeSystem(codeSystem());
  }

  static CodeSystem codeSystem() {
    CodeSystem cs = new CodeSystem().setUrl(Ig.codeSystem(Ig.CS_SERVICES)).setStatus(PublicationStatus.ACTIVE);
    concept(cs, "rehab-team-advice", "Health advice for the rehabilitation team", "bkg 2019 §5-§8, §21",
        c -> meeting(c, 10));
    concept(cs, "case-sparring", "Case sparring on a meeting day", "guide pkt. 1", c -> {
      meeting(c, 0);
      c.addProperty().setCode("points").setValue(new DecimalType(1));
      c.addProperty().setCode("bookingRule").setValue(new CodeType("previous-working-day-24h"));
    });
    concept(cs, "phone-sparring-dictated", "Phone sparring, note dictated to the caseworker", "guide pkt. 2",
        c -> phoneSparring(c, 25));
    concept(cs, "phone-sparring-written", "Phone sparring, note written by the coordinator", "guide pkt. 3",
        c -> phoneSparring(c, 50));
    concept(cs, "obviously-pointless-statement", "Statement: obviously pointless (åbenbart formålsløst)", "guide pkt. 5; bkg 2019 §10",
        c -> c.addProperty().setCode("orderableUntil").setValue(new DateTimeType("2026-07-01T00:00:00+02:00")));
    concept(cs, "right-to-coordinator", "Right to a health coordinator", "guide pkt. 7; bilag 13", c -> {
      meeting(c, 10);
      c.addProperty().setCode("points").setValue(new DecimalType(3));
      c.addProperty().setCode("requiresEmploymentOffer").setValue(new BooleanType(true));
    });
    concept(cs, "le275-certificate", "LÆ 275 medical certificate", "guide pkt. 8; bkg 2019 §13-§15", c -> {
      c.addProperty().setCode("specificConsent").setValue(new BooleanType(true));
      c.addProperty().setCode("deadlineRule").setValue(new CodeType("calendar-days-30"));
    });
    concept(cs, "running-case-statement", "Statement in a running case", "bkg 2019 §11, §22", c -> {});
    return cs;
  }

  private static void concept(
      CodeSystem cs, String code, String display, String source, Consumer<ConceptDefinitionComponent> properties) {
    ConceptDefinitionComponent concept = cs.addConcept().setCode(code).setDisplay(display);
    concept.addProperty().setCode("source").setValue(new StringType(source));
    properties.accept(concept);
  }

  private static void meeting(ConceptDefinitionComponent c, int leadWorkingDays) {
    c.addProperty().setCode("meeting").setValue(new BooleanType(true));
    c.addProperty().setCode("documentLeadWorkingDays").setValue(new IntegerType(leadWorkingDays));
  }

  private static void phoneSparring(ConceptDefinitionComponent c, int maxPages) {
    c.addProperty().setCode("maxPages").setValue(new IntegerType(maxPages));
    c.addProperty().setCode("requiresDirectPhone").setValue(new BooleanType(true));
  }
}
