package dk.kfgateway.routing.medcom;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A MedCom Acknowledgement (Danish: kvittering) as the gateway reads it: which message it answers (the MessageHeader.id
 * in {@code response.identifier}), its code, the reason of an error (the OperationOutcome's codes and texts), and the
 * identifiers (SOR, EAN) of the organisation that sent it. Pure; read only from a Bundle that conformed to the
 * Acknowledgement profile.
 *
 * @param id the acknowledgement's own MessageHeader.id
 * @param answers the MessageHeader.id of the message it acknowledges
 */
public record Acknowledgement(String id, String answers, Code code, String reason, List<String> senderIdentifiers) {

  /** MessageHeader.response.code: what became of the message (FHIR response-code, as MedCom uses it). */
  public enum Code {
    OK("ok"), TRANSIENT_ERROR("transient-error"), FATAL_ERROR("fatal-error");

    private final String fhir;

    Code(String fhir) {
      this.fhir = fhir;
    }

    public String fhir() {
      return fhir;
    }

    static Code of(MessageHeader.ResponseType type) {
      return switch (type) {
        case OK -> OK;
        case TRANSIENTERROR -> TRANSIENT_ERROR;
        default -> FATAL_ERROR;
      };
    }
  }

  /** Reads an acknowledgement; empty when the Bundle does not start with a MessageHeader that has a response. */
  public static Optional<Acknowledgement> read(Bundle bundle) {
    if (bundle.getEntry().isEmpty() || !(bundle.getEntryFirstRep().getResource() instanceof MessageHeader header)
        || !header.hasResponse() || !header.getResponse().hasCode()) {
      return Optional.empty();
    }
    String reason = resolve(bundle, header.getResponse().getDetails(), OperationOutcome.class)
        .map(Acknowledgement::reason).orElse(null);
    List<String> sender = resolve(bundle, header.getSender(), Organization.class)
        .map(o -> o.getIdentifier().stream().map(Identifier::getValue).toList()).orElse(List.of());
    return Optional.of(new Acknowledgement(header.getIdElement().getIdPart(), header.getResponse().getIdentifier(),
        Code.of(header.getResponse().getCode()), reason, sender));
  }

  /**
   * True when this acknowledges that message: it names the message's MessageHeader.id, and comes from the
   * organisation the message was addressed to (one of its identifiers, SOR code or EAN location number).
   */
  public boolean acknowledges(Bundle message) {
    if (!(message.getEntryFirstRep().getResource() instanceof MessageHeader header)
        || !header.getIdElement().getIdPart().equals(answers)) {
      return false;
    }
    return resolve(message, header.getDestinationFirstRep().getReceiver(), Organization.class)
        .map(receiver -> receiver.getIdentifier().stream().map(Identifier::getValue)
            .anyMatch(senderIdentifiers::contains))
        .orElse(false);
  }

  private static String reason(OperationOutcome outcome) {
    return outcome.getIssue().stream().map(issue -> {
      String codes = issue.getDetails().getCoding().stream().map(c -> c.getCode()).collect(Collectors.joining(", "));
      String text = issue.getDetails().hasText() ? issue.getDetails().getText() : issue.getDiagnostics();
      return text == null ? codes : codes.isEmpty() ? text : codes + ": " + text;
    }).collect(Collectors.joining("; "));
  }

  private static <T extends Resource> Optional<T> resolve(Bundle bundle, Reference reference, Class<T> type) {
    if (reference == null || !reference.hasReference()) {
      return Optional.empty();
    }
    String id = reference.getReferenceElement().getIdPart();
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
        .map(type::cast).filter(r -> r.getIdElement().getIdPart().equals(id)).findFirst();
  }
}
