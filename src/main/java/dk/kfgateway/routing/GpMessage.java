package dk.kfgateway.routing;

import ca.uhn.fhir.context.FhirContext;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.routing.medcom.CareCommunicationMessage;
import dk.kfgateway.routing.medcom.CareCommunicationMessage.DocumentReferenceContent;
import dk.kfgateway.routing.medcom.CareCommunicationMessage.Signer;
import dk.kfgateway.routing.medcom.MedComValidator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/**
 * A GP copy as the MedCom message it is sent as: reads the case's stored resources (certificate, citizen, Klinisk
 * Funktion, the GP clinic, the certificate's signer), has {@link CareCommunicationMessage} map them, and validates the
 * message against the official packages before it may enter the outbox. A message that does not conform refuses the
 * write it belongs to (ROUTE-006, naming the MedCom rule): it is never sent.
 */
final class GpMessage {

  /** A message ready for the outbox: its Bundle.id, MessageHeader.id and JSON. */
  record Written(String id, String header, String json) {}

  private final RoutingRecords records;
  private final MedComValidator validator;
  private final FhirContext fhir;

  GpMessage(RoutingRecords records, MedComValidator validator, FhirContext fhir) {
    this.records = records;
    this.validator = validator;
    this.fhir = fhir;
  }

  /** @param agent who completed or followed up (a PractitionerRole signs when the certificate names nobody) */
  Written write(CopyWriter.Case aCase, CopyCategory kind, String agent, Instant sent) {
    DocumentReference certificate = records.read(aCase.result(), DocumentReference.class);
    CareCommunicationMessage.Source source = new CareCommunicationMessage.Source(kind, aCase.referral(), sent,
        records.read(aCase.clinic(), Organization.class), records.read(aCase.gp().orElseThrow(), Organization.class),
        records.read(aCase.patient(), Patient.class), signer(certificate, agent), content(certificate, sent));
    String id = UUID.randomUUID().toString();
    Bundle message = CareCommunicationMessage.of(id, source);
    List<MedComValidator.Finding> errors = validator.errors(message, MedComValidator.CARE_COMMUNICATION);
    if (!errors.isEmpty()) {
      throw Refusals.toException(RoutingRules.nonConforming(RoutingRules.MEDCOM_MESSAGE,
          "The " + kind.code() + " message to the GP clinic " + aCase.gp().orElseThrow(), errors));
    }
    return new Written(id, message.getEntryFirstRep().getResource().getIdElement().getIdPart(),
        fhir.newJsonParser().encodeResourceToString(message));
  }

  /** The certificate's first PractitionerRole author, else the agent when a PractitionerRole, with its Practitioner. */
  private Optional<Signer> signer(DocumentReference certificate, String agent) {
    return Stream.concat(certificate.getAuthor().stream(), Stream.of(new Reference(agent)))
        .map(author -> records.read(author, PractitionerRole.class)).flatMap(Optional::stream).findFirst()
        .flatMap(role -> records.read(role.getPractitioner(), Practitioner.class).map(p -> new Signer(role, p)));
  }

  /** The PDF, inline or in the Binary the attachment points to. */
  private DocumentReferenceContent content(DocumentReference certificate, Instant sent) {
    Attachment attachment = certificate.getContentFirstRep().getAttachment();
    byte[] pdf = attachment.hasData() ? attachment.getData()
        : records.read(new Reference(attachment.getUrl()), Binary.class).map(Binary::getContent).orElse(null);
    String title = attachment.hasTitle() ? attachment.getTitle()
        : certificate.hasDescription() ? certificate.getDescription() : "Speciallægeerklæring";
    Instant written = certificate.hasDate() ? certificate.getDate().toInstant() : sent;
    return new DocumentReferenceContent(title, pdf, written);
  }
}
