package dk.kfgateway.routing.medcom;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The receiving side's answer to a MedCom message, built as the Acknowledgement IG 2.0.3 shows it: a message Bundle
 * whose MessageHeader ({@code acknowledgement-message}) goes back to the original sender, names the acknowledged
 * MessageHeader.id in {@code response.identifier} with the code, and for an error points to an OperationOutcome with
 * MedCom's error code; the original message's Provenance travels along, and a Provenance of its own (activity
 * {@code acknowledgement}) refers to the acknowledged MessageHeader. Used by the demo GP inbox and by test receivers.
 */
public final class AcknowledgementMessage {

  static final String ACK = "http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/";
  static final String ERROR_CODES = CareCommunicationMessage.TERMINOLOGY + "medcom-acknowledgement-error-codes";

  private AcknowledgementMessage() {}

  /**
   * @param errorCode a code of MedComAcknowledgementIssueDetails ({@code MSG_Mailbox_Out_Of_Operation}) for an error,
   *     or null; ignored for ok, as is {@code errorText}
   */
  public static Bundle answering(Bundle message, Acknowledgement.Code code, String errorCode, String errorText,
      Instant now) {
    MessageHeader received = (MessageHeader) message.getEntryFirstRep().getResource();
    Organization originalSender = copy(message, received.getSender(), Organization.class);
    Organization originalReceiver = copy(message, received.getDestinationFirstRep().getReceiver(), Organization.class);
    Bundle ack = new Bundle().setType(Bundle.BundleType.MESSAGE).setTimestamp(Date.from(now));
    ack.setId(uuid());
    ack.getMeta().addProfile(MedComValidator.ACKNOWLEDGEMENT);
    MessageHeader header = new MessageHeader();
    header.setId(uuid());
    header.getMeta().addProfile(ACK + "medcom-messaging-acknowledgementHeader");
    header.setEvent(new Coding(CareCommunicationMessage.TERMINOLOGY + "medcom-messaging-eventCodes",
        "acknowledgement-message", null));
    header.addDestination().setEndpoint(received.getSource().getEndpoint()).setReceiver(ref(originalSender))
        .addExtension(CareCommunicationMessage.MESSAGING + "medcom-messaging-destinationUseExtension",
            new Coding(CareCommunicationMessage.TERMINOLOGY + "medcom-messaging-destinationUse", "primary", null));
    header.setSender(ref(originalReceiver)).getSource()
        .setEndpoint(received.getDestinationFirstRep().getEndpoint());
    header.getResponse().setIdentifier(received.getIdElement().getIdPart()).setCode(type(code));
    add(ack, header);
    message.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Provenance.class::isInstance)
        .forEach(p -> add(ack, messagingProvenance((Provenance) p.copy())));
    add(ack, own(header, received, originalReceiver, now));
    add(ack, originalSender);
    add(ack, originalReceiver);
    if (code != Acknowledgement.Code.OK) {
      OperationOutcome outcome = new OperationOutcome();
      outcome.setId(uuid());
      outcome.getMeta().addProfile(ACK + "medcom-acknowledgement-operationoutcome");
      outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
          .setCode(code == Acknowledgement.Code.TRANSIENT_ERROR ? OperationOutcome.IssueType.TRANSIENT
              : OperationOutcome.IssueType.PROCESSING)
          .setDetails((errorCode == null ? new CodeableConcept() : new CodeableConcept(new Coding(ERROR_CODES,
              errorCode, null))).setText(errorText));
      header.getResponse().setDetails(ref(outcome));
      add(ack, outcome);
    }
    return ack;
  }

  /** The Provenance of the acknowledgement itself: who acknowledged, and which message (entity revision). */
  private static Provenance own(MessageHeader ackHeader, MessageHeader received, Organization by, Instant now) {
    Provenance provenance = new Provenance();
    provenance.setId(uuid());
    provenance.getMeta().addProfile(CareCommunicationMessage.MESSAGING + "medcom-messaging-provenance");
    provenance.addTarget(ref(ackHeader));
    provenance.setOccurred(new DateTimeType(Date.from(now))).setRecorded(Date.from(now));
    provenance.setActivity(new CodeableConcept(new Coding(
        CareCommunicationMessage.TERMINOLOGY + "medcom-messaging-activityCodes", "acknowledgement", null)));
    provenance.addAgent().setWho(ref(by));
    provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.REVISION).setWhat(ref(received));
    return provenance;
  }

  /** In an acknowledgement, the original's Provenance is a MedComMessagingProvenance (as in the IG's examples). */
  private static Provenance messagingProvenance(Provenance provenance) {
    provenance.getMeta().getProfile().clear();
    provenance.getMeta().addProfile(CareCommunicationMessage.MESSAGING + "medcom-messaging-provenance");
    return provenance;
  }

  private static MessageHeader.ResponseType type(Acknowledgement.Code code) {
    return switch (code) {
      case OK -> MessageHeader.ResponseType.OK;
      case TRANSIENT_ERROR -> MessageHeader.ResponseType.TRANSIENTERROR;
      case FATAL_ERROR -> MessageHeader.ResponseType.FATALERROR;
    };
  }

  private static <T extends Resource> T copy(Bundle bundle, Reference reference, Class<T> type) {
    String id = reference.getReferenceElement().getIdPart();
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
        .map(type::cast).filter(r -> r.getIdElement().getIdPart().equals(id)).findFirst()
        .map(r -> type.cast(r.copy()))
        .orElseThrow(() -> new IllegalArgumentException("The message has no " + reference.getReference()));
  }

  private static void add(Bundle bundle, Resource resource) {
    bundle.addEntry().setFullUrl("https://gp.invalid/fhir/" + resource.fhirType() + "/"
        + resource.getIdElement().getIdPart()).setResource(resource);
  }

  private static Reference ref(Resource resource) {
    return new Reference(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
  }

  private static String uuid() {
    return UUID.randomUUID().toString();
  }
}
