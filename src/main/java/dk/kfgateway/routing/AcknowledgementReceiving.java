package dk.kfgateway.routing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.routing.medcom.Acknowledgement;
import dk.kfgateway.routing.medcom.MedComValidator;
import dk.kfgateway.rules.Verdict;
import dk.kfgateway.security.Caller;
import dk.kfgateway.security.PartyRole;
import java.time.Clock;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /fhir/$process-message}: a GP system's MedCom Acknowledgement of a message the gateway sent it, when it
 * did not answer in the HTTP response. Only a GP system (role GP) may post, and only about messages sent to its own
 * clinic. The Bundle must conform to the Acknowledgement profile (ROUTE-007) and answer such a message, coming from
 * the organisation it was addressed to (ROUTE-008);
 * then {@link DeliveryOutcomes} records it in one transaction, with the outbox row locked. A duplicate changes nothing
 * and is answered 200 as well, so that a GP system may safely post it again.
 */
public class AcknowledgementReceiving {

  private final MedComValidator validator;
  private final Outbox outbox;
  private final DeliveryOutcomes outcomes;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final FhirContext fhir;

  AcknowledgementReceiving(MedComValidator validator, Outbox outbox, DeliveryOutcomes outcomes,
      PlatformTransactionManager transactions, Clock clock, FhirContext fhir) {
    this.validator = validator;
    this.outbox = outbox;
    this.outcomes = outcomes;
    this.transactions = new TransactionTemplate(transactions);
    this.clock = clock;
    this.fhir = fhir;
  }

  @Operation(name = "$process-message", idempotent = false)
  public OperationOutcome processMessage(
      @OperationParam(name = "content", min = 1, max = 1, typeName = "Bundle") Bundle content,
      RequestDetails request) {
    Caller caller = Caller.of(request).filter(c -> c.role() == PartyRole.GP).orElseThrow(() -> Refusals.toException(
        Verdict.notPermitted(RoutingRules.ACKNOWLEDGEMENT_MATCHES, "Only a GP system acknowledges messages", null)));
    if (content == null) {
      throw Refusals.toException(Verdict.refused(RoutingRules.MEDCOM_ACKNOWLEDGEMENT,
          "Post the MedCom Acknowledgement message Bundle as the body", null));
    }
    List<MedComValidator.Finding> errors = validator.errors(content, MedComValidator.ACKNOWLEDGEMENT);
    Acknowledgement ack = Acknowledgement.read(content).filter(a -> errors.isEmpty())
        .orElseThrow(() -> Refusals.toException(RoutingRules.nonConforming(RoutingRules.MEDCOM_ACKNOWLEDGEMENT,
            "The acknowledgement", errors.isEmpty() ? List.of(new MedComValidator.Finding("Bundle.entry[0]",
                "the first entry must be a MessageHeader with a response", null)) : errors)));
    String clinic = caller.organization();
    boolean changed = Boolean.TRUE.equals(transactions.execute(status -> {
      Outbox.Entry entry = outbox.lockByHeader(ack.answers(), clinic)
          .orElseThrow(() -> Refusals.toException(Verdict.refused(RoutingRules.ACKNOWLEDGEMENT_MATCHES,
              "The gateway sent no message with MessageHeader.id " + ack.answers() + " to " + clinic
                  + " (MessageHeader.response.identifier)", "MessageHeader.response.identifier")));
      if (entry.message() != null && !ack.acknowledges(fhir.newJsonParser().parseResource(Bundle.class,
          entry.message()))) {
        throw Refusals.toException(Verdict.refused(RoutingRules.ACKNOWLEDGEMENT_MATCHES, "The acknowledgement's "
            + "sender (MessageHeader.sender) is not the GP clinic the message was sent to: it must carry the clinic's "
            + "SOR code or EAN location number", "MessageHeader.sender"));
      }
      return outcomes.acknowledged(entry, ack, clock.instant(), false);
    }));
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
        .setCode(OperationOutcome.IssueType.INFORMATIONAL)
        .setDiagnostics(changed ? "Acknowledgement " + ack.id() + " (" + ack.code().fhir() + ") of MessageHeader/"
            + ack.answers() + " recorded" : "MessageHeader/" + ack.answers() + " was settled already; acknowledgement "
            + ack.id() + " changes nothing");
    return outcome;
  }
}
