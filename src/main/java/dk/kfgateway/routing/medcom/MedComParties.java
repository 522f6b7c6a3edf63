package dk.kfgateway.routing.medcom;

import dk.kfgateway.ig.Ig;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;

/**
 * The parties of a GP message in MedCom's profiles, made from the gateway's stored resources: the organisations as
 * MedCom addresses them (SOR code and EAN location number, {@code urn:oid:1.3.88} in the gateway, GLN in MedCom), the
 * citizen by CPR with an official name, and the signer. Each gets a fresh UUID as its id in the message. Pure.
 */
final class MedComParties {

  private static final String CORE = CareCommunicationMessage.CORE;
  private static final String ROLES =
      CareCommunicationMessage.TERMINOLOGY + "medcom-core-PractitionerRolesAutorisationsregistret";

  private MedComParties() {}

  /** A MedComMessagingOrganization: SOR code and EAN location number (GLN), and the ydernummer of a GP clinic. */
  static Organization organization(Organization stored) {
    Organization org = new Organization().setName(stored.getName());
    org.setId(uuid());
    org.getMeta().addProfile(CareCommunicationMessage.MESSAGING + "medcom-messaging-organization");
    identifier(stored, Ig.EAN)
        .ifPresent(ean -> org.addIdentifier().setSystem(CareCommunicationMessage.GLN).setValue(ean));
    identifier(stored, Ig.SOR).ifPresent(sor -> org.addIdentifier().setSystem(Ig.SOR).setValue(sor));
    identifier(stored, Ig.YDERNUMMER).ifPresent(y -> org.addIdentifier().setSystem(Ig.YDERNUMMER).setValue(y));
    return org;
  }

  static Patient patient(Patient stored) {
    Patient patient = new Patient();
    patient.setId(uuid());
    patient.getMeta().addProfile(CORE + "medcom-core-patient");
    stored.getIdentifier().stream().filter(i -> Ig.CPR.equals(i.getSystem())).findFirst()
        .ifPresent(cpr -> patient.addIdentifier().setSystem(Ig.CPR).setValue(cpr.getValue()));
    stored.getName().stream().findFirst().ifPresent(name -> patient.addName(officialName(name)));
    return patient;
  }

  static PractitionerRole role(PractitionerRole stored, Practitioner person) {
    PractitionerRole role = new PractitionerRole();
    role.setId(uuid());
    role.getMeta().addProfile(CORE + "medcom-core-practitionerrole");
    boolean authorised = person.getIdentifier().stream().anyMatch(i -> Ig.AUTHORISATION_ID.equals(i.getSystem()));
    role.addCode(authorised
        ? new CodeableConcept(new Coding(ROLES, "laege", null))
        : new CodeableConcept().setText(stored.getCodeFirstRep().getCodingFirstRep().getCode()));
    return role;
  }

  static Practitioner practitioner(Practitioner stored) {
    Practitioner person = new Practitioner();
    person.setId(uuid());
    person.getMeta().addProfile(CORE + "medcom-core-practitioner");
    stored.getName().stream().findFirst().ifPresent(name -> person.addName(name.copy().setUse(null)));
    return person;
  }

  private static HumanName officialName(HumanName name) {
    return new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily(name.getFamily()).setGiven(name.getGiven());
  }

  static Optional<String> identifier(Organization org, String system) {
    return org.getIdentifier().stream().filter(i -> system.equals(i.getSystem()) && i.hasValue())
        .map(Identifier::getValue).findFirst();
  }

  private static String uuid() {
    return CareCommunicationMessage.uuid();
  }
}
