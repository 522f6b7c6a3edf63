package dk.kfgateway.routing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import dk.kfgateway.routing.medcom.Acknowledgement;
import dk.kfgateway.routing.medcom.AcknowledgementMessage;
import dk.kfgateway.routing.medcom.MedComValidator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * For trying the delivery out (demo only, {@code gateway.routing.demo-inbox}): a GP system's inbox on the gateway
 * itself, behaving as a MedCom receiver. It accepts the messages that the gateway's own dispatcher posts to
 * {@code /demo/gp-inbox/{clinic}} (signed, {@link DeliverySignature}; anything else is refused, 401 without a
 * signature, 403 with a wrong one, and not listed), validates each against the official CareCommunication profile and
 * answers in the HTTP response with a MedCom Acknowledgement: {@code ok}, or {@code fatal-error} naming what does not
 * conform. A message received again (same Bundle.id) is answered with the very same acknowledgement, as MedCom's
 * reliable messaging asks. Lists them with {@code GET /demo/gp-inbox/{clinic}}; shows one message and its
 * acknowledgement at {@code .../{bundle id}} and {@code .../{bundle id}/acknowledgement}. Held in memory only.
 */
@org.springframework.web.bind.annotation.RestController
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "gateway.routing.demo-inbox", havingValue = "true")
class DemoGpInbox {

  /** One message as the inbox keeps it, with the acknowledgement it was answered with. */
  private record Received(Map<String, String> summary, String message, String acknowledgement) {}

  private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
  private final Map<String, Map<String, Received>> inboxes = new LinkedHashMap<>();
  private final DeliverySignature signature;
  private final MedComValidator validator;
  private final FhirContext fhir;
  private final Clock clock;

  DemoGpInbox(DeliverySignature signature, MedComValidator validator, FhirContext fhir, Clock clock) {
    this.signature = signature;
    this.validator = validator;
    this.fhir = fhir;
    this.clock = clock;
  }

  @PostMapping(path = "/demo/gp-inbox/{clinic}")
  synchronized ResponseEntity<?> receive(@PathVariable String clinic, @RequestBody byte[] body,
      @RequestHeader(name = DeliverySignature.HEADER, required = false) String signed) {
    if (signed == null) {
      return refused(HttpStatus.UNAUTHORIZED, "The demo inbox takes only the gateway's own deliveries, signed in "
          + DeliverySignature.HEADER);
    }
    if (!signature.verify(body, signed)) {
      return refused(HttpStatus.FORBIDDEN, "The signature in " + DeliverySignature.HEADER
          + " is not the gateway's for this body");
    }
    Bundle message;
    try {
      message = fhir.newJsonParser().parseResource(Bundle.class, new String(body, java.nio.charset.StandardCharsets.UTF_8));
    } catch (DataFormatException e) {
      return refused(HttpStatus.BAD_REQUEST, "Not a FHIR message Bundle: " + e.getMessage());
    }
    Map<String, Received> inbox = inboxes.computeIfAbsent(clinic, c -> new LinkedHashMap<>());
    Received received = inbox.computeIfAbsent(message.getIdPart(), id -> answer(message));
    return ResponseEntity.ok().contentType(FHIR_JSON).body(received.acknowledgement());
  }

  private Received answer(Bundle message) {
    List<MedComValidator.Finding> errors = validator.errors(message, MedComValidator.CARE_COMMUNICATION);
    Bundle ack = errors.isEmpty()
        ? AcknowledgementMessage.answering(message, Acknowledgement.Code.OK, null, null, clock.instant())
        : AcknowledgementMessage.answering(message, Acknowledgement.Code.FATAL_ERROR, null,
            errors.stream().limit(3).map(Object::toString).collect(Collectors.joining("; ")), clock.instant());
    Map<String, String> summary = new LinkedHashMap<>();
    summary.put("bundle", message.getIdPart());
    summary.put("messageHeader", message.getEntryFirstRep().getResource().getIdElement().getIdPart());
    message.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Communication.class::isInstance)
        .map(Communication.class::cast).findFirst().ifPresent(c -> {
          summary.put("category", c.getCategoryFirstRep().getCodingFirstRep().getCode());
          summary.put("topic", c.getTopic().getText());
          summary.put("text", c.getPayloadFirstRep().getContent().primitiveValue());
        });
    summary.put("acknowledgement", Acknowledgement.read(ack).orElseThrow().code().fhir());
    summary.put("received", clock.instant().toString());
    return new Received(summary, fhir.newJsonParser().encodeResourceToString(message),
        fhir.newJsonParser().encodeResourceToString(ack));
  }

  @GetMapping(path = "/demo/gp-inbox/{clinic}", produces = "application/json")
  synchronized List<Map<String, String>> list(@PathVariable String clinic) {
    return new ArrayList<>(inboxes.getOrDefault(clinic, Map.of()).values().stream().map(Received::summary).toList());
  }

  @GetMapping(path = "/demo/gp-inbox/{clinic}/{bundle}")
  synchronized ResponseEntity<?> message(@PathVariable String clinic, @PathVariable String bundle) {
    return shown(clinic, bundle, Received::message);
  }

  @GetMapping(path = "/demo/gp-inbox/{clinic}/{bundle}/acknowledgement")
  synchronized ResponseEntity<?> acknowledgement(@PathVariable String clinic, @PathVariable String bundle) {
    return shown(clinic, bundle, Received::acknowledgement);
  }

  private ResponseEntity<?> shown(String clinic, String bundle, java.util.function.Function<Received, String> part) {
    Received received = inboxes.getOrDefault(clinic, Map.of()).get(bundle);
    return received == null ? refused(HttpStatus.NOT_FOUND, "No message " + bundle + " in this inbox")
        : ResponseEntity.ok().contentType(FHIR_JSON).body(part.apply(received));
  }

  private static ResponseEntity<Map<String, String>> refused(HttpStatus status, String why) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", why));
  }
}
