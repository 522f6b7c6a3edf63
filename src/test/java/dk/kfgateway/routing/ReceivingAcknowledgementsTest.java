package dk.kfgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.routing.GpReceiver.Reply;
import dk.kfgateway.routing.medcom.OfficialExamples;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The receiving side of acknowledgements ({@code POST /fhir/$process-message}, rules ROUTE-007 and ROUTE-008): each
 * official example of the Acknowledgement IG 2.0.3, adapted to a message the gateway really sent (its MessageHeader.id,
 * the GP clinic as sender and Klinisk Funktion as receiver), is taken and acted on; malformed ones, acknowledgements of
 * messages never sent to the caller's clinic, and every other party are refused with an OperationOutcome.
 */
class ReceivingAcknowledgementsTest extends AcknowledgementHttpTest {

  @Test
  void theOfficialOkExampleCompletesTheCopy() {
    Sent sent = sent(Reply.LATER, Reply.LATER, Reply.LATER);

    HttpResponse<String> posted = post(GP_SYSTEM, adapted(OfficialExamples.ACKNOWLEDGEMENT_OK, sent));

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    assertThat(sent.copy().getStatus()).isEqualTo(CommunicationStatus.COMPLETED);
  }

  @Test
  void theOfficialFatalErrorExampleMakesADeadLetterWithItsReason() {
    Sent sent = sent(Reply.LATER, Reply.LATER, Reply.LATER);

    HttpResponse<String> posted = post(GP_SYSTEM, adapted(OfficialExamples.ACKNOWLEDGEMENT_FATAL_ERROR, sent));

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    assertThat(sent.copy().getStatus()).isEqualTo(CommunicationStatus.STOPPED);
    assertThat(sent.copy().getStatusReason().getText()).contains("fatal-error", "MSG_");
  }

  @Test
  void theOfficialTransientErrorExampleLeadsToTheSameMessageSentAgain() {
    Sent sent = sent(Reply.LATER, Reply.OK);
    String bundle = sent.firstArrival();

    HttpResponse<String> posted = post(GP_SYSTEM, adapted(OfficialExamples.ACKNOWLEDGEMENT_TRANSIENT_ERROR, sent));

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    sent.await(CommunicationStatus.COMPLETED);
    assertThat(NORDVEJ.arrivals(sent.cpr)).hasSize(2).extracting(GpReceiver.Arrival::bundleId).containsOnly(bundle);
  }

  @Nested
  class Refused {

    @Test
    void anAcknowledgementWithoutItsResponseCode() {
      Sent sent = sent(Reply.LATER, Reply.LATER, Reply.LATER);
      Bundle ack = adapted(OfficialExamples.ACKNOWLEDGEMENT_OK, sent);
      header(ack).getResponse().setCodeElement(null);

      assertRefused(post(GP_SYSTEM, ack), 422, "ROUTE-007");
      assertThat(sent.copy().getStatus()).isEqualTo(CommunicationStatus.INPROGRESS);
    }

    @Test
    void anAcknowledgementWithoutProvenance() {
      Sent sent = sent(Reply.LATER, Reply.LATER, Reply.LATER);
      Bundle ack = adapted(OfficialExamples.ACKNOWLEDGEMENT_OK, sent);
      ack.getEntry().removeIf(e -> e.getResource() instanceof Provenance);

      HttpResponse<String> posted = post(GP_SYSTEM, ack);

      assertRefused(posted, 422, "ROUTE-007");
      assertThat(posted.body()).contains("medcom-messaging-2");
    }

    @Test
    void theMessageItselfInsteadOfAnAcknowledgement() {
      Sent sent = sent(Reply.LATER, Reply.LATER, Reply.LATER);

      assertRefused(post(GP_SYSTEM, NORDVEJ.message(sent.firstArrival())), 422, "ROUTE-007");
    }

    @Test
    void anAcknowledgementOfAMessageNeverSent() {
      Sent sent = sent(Reply.LATER, Reply.LATER, Reply.LATER);
      Bundle ack = adapted(OfficialExamples.ACKNOWLEDGEMENT_OK, sent);
      header(ack).getResponse().setIdentifier(UUID.randomUUID().toString());

      assertRefused(post(GP_SYSTEM, ack), 422, "ROUTE-008");
    }

    @Test
    void anAcknowledgementFromAnotherOrganisationThanTheMessageWentTo() { // Lægerne Strandvej's identifiers
      Sent sent = sent(Reply.LATER, Reply.LATER, Reply.LATER);
      Bundle ack = adapted(OfficialExamples.ACKNOWLEDGEMENT_OK, sent);
      resources(ack, Organization.class).forEach(o -> o.getIdentifier().forEach(i -> i.setValue(
          i.getValue().replace("900000000012345", "900000000012346").replace("5790000000029", "5790000000036")
              .replace("099991", "099992"))));

      HttpResponse<String> posted = post(GP_SYSTEM, ack);

      assertRefused(posted, 422, "ROUTE-008");
      assertThat(posted.body()).contains("MessageHeader.sender");
      assertThat(sent.copy().getStatus()).isEqualTo(CommunicationStatus.INPROGRESS);
    }

    @Test
    void anotherGpSystemAcknowledgingAMessageSentToNordvej() {
      Sent sent = sent(Reply.LATER, Reply.LATER, Reply.LATER);

      assertRefused(post("gp-strandvej", adapted(OfficialExamples.ACKNOWLEDGEMENT_OK, sent)), 422, "ROUTE-008");
      assertThat(sent.copy().getStatus()).isEqualTo(CommunicationStatus.INPROGRESS);
    }

    @Test
    void aBodyThatIsNoFhirResource() {
      HttpResponse<String> posted = post(GP_SYSTEM, "this is not a message");

      assertThat(posted.statusCode()).isBetween(400, 499);
      assertThat(posted.body()).contains("OperationOutcome");
    }

    @ParameterizedTest
    @ValueSource(strings = {"holbaek-jobcenter", "kf-sjaelland-ehr", "kf-sjaelland-secretariat", "gateway-admin"})
    void everyPartyButAGpSystem(String client) {
      Sent sent = sent(Reply.LATER, Reply.LATER, Reply.LATER);

      HttpResponse<String> posted = post(client, adapted(OfficialExamples.ACKNOWLEDGEMENT_OK, sent));

      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(403);
      assertThat(sent.copy().getStatus()).isEqualTo(CommunicationStatus.INPROGRESS);
    }

    private void assertRefused(HttpResponse<String> posted, int status, String rule) {
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(status);
      assertThat(Cases.ruleIds(posted)).contains(rule);
    }
  }

  /**
   * The official example, adapted to the message this copy was sent as: it answers that MessageHeader.id, comes from
   * the GP clinic the message went to and goes to Klinisk Funktion (their SOR codes and EAN location numbers), and its
   * Provenance names that message.
   */
  Bundle adapted(String example, Sent sent) {
    Bundle message = NORDVEJ.message(sent.firstArrival());
    MessageHeader sentHeader = header(message);
    Bundle ack = OfficialExamples.read(Cases.FHIR, example);
    MessageHeader header = header(ack);
    String original = header.getResponse().getIdentifier();
    header.getResponse().setIdentifier(sentHeader.getIdPart());
    identify(ack, header.getSender(), organization(message, sentHeader.getDestinationFirstRep().getReceiver()));
    identify(ack, header.getDestinationFirstRep().getReceiver(), organization(message, sentHeader.getSender()));
    for (Provenance provenance : resources(ack, Provenance.class)) {
      provenance.getTarget().stream().filter(t -> t.getReference().endsWith(original))
          .forEach(t -> t.setReference("MessageHeader/" + sentHeader.getIdPart()));
      provenance.getEntity().stream().filter(e -> e.getWhat().hasReference()
              && !e.getWhat().getReference().endsWith(header.getIdPart()))
          .forEach(e -> e.getWhat().setReference("MessageHeader/" + sentHeader.getIdPart()));
    }
    return ack;
  }

  private static void identify(Bundle ack, Reference reference, Organization as) {
    String id = reference.getReferenceElement().getIdPart();
    resources(ack, Organization.class).stream().filter(o -> o.getIdPart().equals(id)).findFirst().orElseThrow()
        .setName(as.getName()).setIdentifier(as.getIdentifier());
  }

  private static Organization organization(Bundle message, Reference reference) {
    String id = reference.getReferenceElement().getIdPart();
    return resources(message, Organization.class).stream().filter(o -> o.getIdPart().equals(id)).findFirst()
        .orElseThrow();
  }

  private static MessageHeader header(Bundle bundle) {
    return (MessageHeader) bundle.getEntryFirstRep().getResource();
  }

  private static <T> List<T> resources(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
        .map(type::cast).toList();
  }
}
