package dk.kfgateway.routing.medcom;

import dk.kfgateway.ig.Ig;
import dk.kfgateway.routing.CopyCategory;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationPayloadComponent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The one place where the gateway's own resources become a MedCom CareCommunication 5.0.4 message (Danish:
 * korrespondancemeddelelse) to the citizen's GP: MessageHeader (sender Klinisk Funktion, primary receiver the GP clinic,
 * each a MedComMessagingOrganization with SOR and EAN location number), the Communication with MedCom's category and a
 * topic per copy kind, a text segment signed by the certificate's author and the certificate PDF as attachment (each
 * with date, author and a payload identifier), the Patient by CPR, the signer's PractitionerRole and Practitioner, and
 * the Provenance of a new message naming the payloads. Every id in it is a fresh UUID, fixed when the message is
 * written to the outbox: a resend repeats the message as it is (same Bundle.id and MessageHeader.id, MedCom reliable
 * messaging). Pure; the gateway's stored Communication keeps its own profile.
 */
public final class CareCommunicationMessage {

  static final String CARECOMMUNICATION = "http://medcomfhir.dk/ig/carecommunication/StructureDefinition/";
  static final String CORE = "http://medcomfhir.dk/ig/core/StructureDefinition/";
  static final String MESSAGING = "http://medcomfhir.dk/ig/messaging/StructureDefinition/";
  static final String TERMINOLOGY = "http://medcomfhir.dk/ig/terminology/CodeSystem/";
  static final String GLN = "https://www.gs1.org/gln";
  static final String SOR_ENDPOINT = "https://sor2.sum.dsdn.dk/#id=";
  static final String DEFINITION =
      "http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition|5.0";
  private static final String BASE = Ig.CANONICAL + "/";

  /**
   * What a GP copy is made of, read from storage by the caller.
   *
   * @param caseReference the gateway's referral ("ServiceRequest/12"), quoted in the text so the GP can refer to it
   * @param signer the certificate's author (PractitionerRole with its Practitioner), when the certificate names one
   */
  public record Source(CopyCategory kind, String caseReference, Instant sent, Organization sender,
      Organization receiver, Patient patient, Optional<Signer> signer, DocumentReferenceContent certificate) {}

  /** Who signed: the role and the person, as stored. */
  public record Signer(PractitionerRole role, Practitioner person) {}

  /** The certificate as the GP gets it: title, PDF bytes and when it was written. */
  public record DocumentReferenceContent(String title, byte[] pdf, Instant written) {}

  private CareCommunicationMessage() {}

  /** The message; its Bundle.id is {@code messageId}. */
  public static Bundle of(String messageId, Source source) {
    Organization sender = MedComParties.organization(source.sender());
    Organization receiver = MedComParties.organization(source.receiver());
    Patient patient = MedComParties.patient(source.patient());
    Bundle bundle = new Bundle().setType(Bundle.BundleType.MESSAGE).setTimestamp(Date.from(source.sent()));
    bundle.setId(messageId);
    bundle.getMeta().addProfile(MedComValidator.CARE_COMMUNICATION);
    Communication communication = communication(source, patient);
    MessageHeader header = header(source, sender, receiver, communication);
    Optional<PractitionerRole> role = source.signer().map(s -> MedComParties.role(s.role(), s.person()));
    Optional<Practitioner> person = source.signer().map(s -> MedComParties.practitioner(s.person()));
    Reference author = role.map(r -> ref(r)).orElse(null);
    String phone = phoneOf(source.sender());
    communication.addPayload(segment(source.sent(), sender, author, phone)
        .setContent(new org.hl7.fhir.r4.model.StringType(text(source))));
    DocumentReferenceContent pdf = source.certificate();
    communication.addPayload(segment(pdf.written(), sender, author, null).setContent(new Attachment()
        .setContentType("application/pdf").setTitle(pdf.title()).setData(pdf.pdf())
        .setCreationElement(new DateTimeType(Date.from(pdf.written())))));
    add(bundle, header);
    add(bundle, patient);
    add(bundle, communication);
    role.ifPresent(r -> add(bundle, r));
    person.ifPresent(p -> add(bundle, p));
    add(bundle, sender);
    add(bundle, receiver);
    add(bundle, provenance(source.sent(), header, sender, communication.getPayload()));
    return bundle;
  }

  /** MedCom's category for each kind of GP copy, with the topic the GP sees and the source paragraph. */
  static Kind kind(CopyCategory category) {
    return switch (category) {
      case CERTIFICATE_COPY -> new Kind("examination-results", "Speciallægeerklæring LÆ 275 fra Klinisk Funktion",
          "Kopi til egen læge af speciallægeerklæringen (LÆ 275), sendt samtidig med erklæringen til kommunen",
          "bkg 2019 §15 stk. 2");
      case GP_INFORMATION -> new Kind("carecoordination", "Orientering fra Klinisk Funktion om anbefalet lægekontakt",
          "Klinisk Funktions koordinator har anbefalet, at borgeren kontakter egen læge, og kommunen har fulgt "
              + "anbefalingen. Baggrunden er vedhæftet", "bkg 2019 §9");
      case TREATMENT_RECOMMENDATION -> new Kind("healthcare", "Anbefaling af anden behandling fra Klinisk Funktion",
          "Klinisk Funktion anbefaler en anden behandling end den, borgeren har takket nej til. Erklæringen med "
              + "anbefalingen er vedhæftet", "bkg 2019 §26 stk. 4");
      default -> throw new IllegalArgumentException(category + " is not sent to a GP");
    };
  }

  /** A copy kind in MedCom's terms. */
  record Kind(String category, String topic, String text, String source) {}

  private static String text(Source source) {
    Kind kind = kind(source.kind());
    return kind.text() + " (" + kind.source() + "). Sagen i Klinisk Funktion: " + source.caseReference();
  }

  private static MessageHeader header(Source source, Organization sender, Organization receiver,
      Communication communication) {
    MessageHeader header = new MessageHeader();
    header.setId(uuid());
    header.getMeta().addProfile(CARECOMMUNICATION + "medcom-careCommunication-messageHeader");
    header.setEvent(new Coding(TERMINOLOGY + "medcom-messaging-eventCodes", "care-communication-message", null));
    MessageHeader.MessageDestinationComponent destination = header.addDestination()
        .setEndpoint(SOR_ENDPOINT + sor(receiver)).setReceiver(ref(receiver));
    destination.addExtension(MESSAGING + "medcom-messaging-destinationUseExtension",
        new Coding(TERMINOLOGY + "medcom-messaging-destinationUse", "primary", null));
    header.setSender(ref(sender)).getSource().setEndpoint(SOR_ENDPOINT + sor(sender));
    header.addFocus(ref(communication)).setDefinition(DEFINITION);
    return header;
  }

  private static Communication communication(Source source, Patient patient) {
    Kind kind = kind(source.kind());
    Communication c = new Communication();
    c.setId(uuid());
    c.getMeta().addProfile(CARECOMMUNICATION + "medcom-careCommunication-communication");
    c.addIdentifier().setValue("urn:uuid:" + uuid());
    c.setStatus(Communication.CommunicationStatus.UNKNOWN);
    c.addCategory(new CodeableConcept(new Coding(TERMINOLOGY + "medcom-careCommunication-categoryCodes",
        kind.category(), null)));
    c.setTopic(new CodeableConcept().setText(kind.topic()));
    c.setSubject(ref(patient)).setSent(Date.from(source.sent()));
    return c;
  }

  /** A message segment: date, author (when known), the author's contact (for a text) and the payload identifier. */
  private static CommunicationPayloadComponent segment(Instant when, Organization sender, Reference author,
      String phone) {
    CommunicationPayloadComponent payload = new CommunicationPayloadComponent();
    payload.addExtension(CORE + "medcom-core-datetime-extension", new DateTimeType(Date.from(when)));
    payload.addExtension(CORE + "medcom-core-identifier-extension",
        new Identifier().setValue("urn:uuid:" + uuid()).setAssigner(ref(sender)));
    if (author != null) {
      payload.addExtension(CORE + "medcom-core-practitioner-extension", author);
    }
    if (phone != null) {
      payload.addExtension(CORE + "medcom-core-contact-extension",
          new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone));
    }
    return payload;
  }

  private static Provenance provenance(Instant sent, MessageHeader header, Organization sender,
      List<CommunicationPayloadComponent> payloads) {
    Provenance provenance = new Provenance();
    provenance.setId(uuid());
    provenance.getMeta().addProfile(CARECOMMUNICATION + "medcom-careCommunication-provenance");
    provenance.addTarget(ref(header));
    provenance.setOccurred(new DateTimeType(Date.from(sent))).setRecorded(Date.from(sent));
    provenance.setActivity(new CodeableConcept(new Coding(TERMINOLOGY + "medcom-messaging-activityCodes",
        "new-message", null)));
    provenance.addAgent().setWho(ref(sender));
    for (CommunicationPayloadComponent payload : payloads) {
      Identifier id = (Identifier) payload.getExtensionByUrl(CORE + "medcom-core-identifier-extension").getValue();
      provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE)
          .setWhat(new Reference().setIdentifier(new Identifier().setValue(id.getValue())));
    }
    return provenance;
  }

  /** Links the role to its person once both have their message ids. */
  private static void add(Bundle bundle, Resource resource) {
    if (resource instanceof Practitioner person) {
      bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
          .filter(PractitionerRole.class::isInstance).map(PractitionerRole.class::cast)
          .forEach(role -> role.setPractitioner(ref(person)));
    }
    bundle.addEntry().setFullUrl(BASE + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
        .setResource(resource);
  }

  private static String sor(Organization org) {
    return org.getIdentifier().stream().filter(i -> Ig.SOR.equals(i.getSystem())).map(Identifier::getValue)
        .findFirst().orElse("");
  }

  private static String phoneOf(Organization org) {
    return org.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE)
        .map(phone -> phone.getValue().replaceAll("[^+0-9]", "")).findFirst().orElse(null);
  }

  private static Reference ref(Resource resource) {
    return new Reference(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
  }

  static String uuid() {
    return UUID.randomUUID().toString();
  }
}
