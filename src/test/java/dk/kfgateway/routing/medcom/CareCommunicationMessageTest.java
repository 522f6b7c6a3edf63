package dk.kfgateway.routing.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.ig.Ig;
import dk.kfgateway.routing.CopyCategory;
import dk.kfgateway.routing.medcom.CareCommunicationMessage.DocumentReferenceContent;
import dk.kfgateway.routing.medcom.CareCommunicationMessage.Signer;
import dk.kfgateway.support.Pdfs;
import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The mapping alone, for each kind of GP copy: a message the official packages accept, or the rule it breaks. */
class CareCommunicationMessageTest {

  static CareCommunicationMessage.Source source(CopyCategory kind, Organization receiver, boolean signed) {
    Organization kf = new Organization().setName("Klinisk Funktion");
    kf.addIdentifier().setSystem(Ig.SOR).setValue("900000000000085");
    kf.addIdentifier().setSystem(Ig.EAN).setValue("5790000000012");
    kf.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+45 59 48 98 52");
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(Ig.CPR).setValue("0101304001");
    patient.addName().setFamily("Jensen").addGiven("Karen");
    Practitioner person = new Practitioner();
    person.addName().setFamily("Holm").addGiven("Anders").addPrefix("Overlæge");
    person.addIdentifier().setSystem(Ig.AUTHORISATION_ID).setValue("0ZZ91");
    PractitionerRole role = new PractitionerRole();
    role.addCode().addCoding().setCode("coordinator");
    return new CareCommunicationMessage.Source(kind, "ServiceRequest/1", Instant.parse("2026-03-02T10:15:30Z"), kf,
        receiver, patient, signed ? Optional.of(new Signer(role, person)) : Optional.empty(),
        new DocumentReferenceContent("Speciallægeerklæring", Pdfs.withPages(1), Instant.parse("2026-03-01T09:00:00Z")));
  }

  static Organization gpClinic() {
    Organization gp = new Organization().setName("Lægerne Nordvej");
    gp.addIdentifier().setSystem(Ig.SOR).setValue("900000000012345");
    gp.addIdentifier().setSystem(Ig.EAN).setValue("5790000000029");
    gp.addIdentifier().setSystem(Ig.YDERNUMMER).setValue("099991");
    return gp;
  }

  @ParameterizedTest
  @EnumSource(value = CopyCategory.class, names = {"CERTIFICATE_COPY", "GP_INFORMATION", "TREATMENT_RECOMMENDATION"})
  void eachKindOfCopyConformsToCareCommunication(CopyCategory kind) {
    Bundle message = CareCommunicationMessage.of(java.util.UUID.randomUUID().toString(), source(kind, gpClinic(), true));

    assertThat(OfficialPackagesValidatingTest.VALIDATOR.errors(message, MedComValidator.CARE_COMMUNICATION)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aGpClinicWithoutAnEanLocationNumberCannotBeAddressed() {
    Organization withoutEan = gpClinic();
    withoutEan.getIdentifier().removeIf(i -> Ig.EAN.equals(i.getSystem()));

    Bundle message = CareCommunicationMessage.of(java.util.UUID.randomUUID().toString(),
        source(CopyCategory.CERTIFICATE_COPY, withoutEan, true));

    assertThat(OfficialPackagesValidatingTest.VALIDATOR.errors(message, MedComValidator.CARE_COMMUNICATION))
        .extracting(MedComValidator.Finding::toString).anyMatch(e -> e.contains("EAN-ID"));
  }

  @org.junit.jupiter.api.Test
  void aCertificateWithoutASignerGivesATextWithoutAuthor() {
    Bundle message = CareCommunicationMessage.of(java.util.UUID.randomUUID().toString(),
        source(CopyCategory.CERTIFICATE_COPY, gpClinic(), false));

    assertThat(OfficialPackagesValidatingTest.VALIDATOR.errors(message, MedComValidator.CARE_COMMUNICATION))
        .extracting(MedComValidator.Finding::toString).anyMatch(e -> e.contains("author"));
  }
}
