package dk.kfgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.routing.GpReceiver.Reply;
import dk.kfgateway.routing.medcom.Acknowledgement;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.junit.jupiter.api.Test;

/**
 * The GP system's MedCom Acknowledgement is the receipt of a copy, over each path a GP system (a receiver on 127.0.0.1)
 * can take: in the HTTP answer or posted later to {@code $process-message}; ok completes the copy, fatal-error makes a
 * dead letter with the reason, transient-error and silence lead to the same message sent again (same Bundle.id and
 * MessageHeader.id) until the attempts (three here) are used up, and a duplicated acknowledgement changes nothing.
 */
class AcknowledgingTheGpCopyTest extends AcknowledgementHttpTest {

  @Test
  void anOkInTheAnswerCompletesTheCopy() {
    Sent sent = sent();

    assertThat(sent.await(CommunicationStatus.COMPLETED).getStatusReason().getText()).isNull();
    assertThat(NORDVEJ.arrivals(sent.cpr)).hasSize(1);
  }

  @Test
  void anOkPostedLaterCompletesTheCopy() {
    Sent sent = sent(Reply.LATER, Reply.LATER, Reply.LATER);
    String bundle = sent.firstArrival();
    assertThat(sent.copy().getStatus()).isEqualTo(CommunicationStatus.INPROGRESS);

    HttpResponse<String> posted = post(GP_SYSTEM, NORDVEJ.acknowledgement(bundle, Acknowledgement.Code.OK));

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    assertThat(posted.body()).contains("recorded");
    assertThat(sent.copy().getStatus()).isEqualTo(CommunicationStatus.COMPLETED);
  }

  @Test
  void aFatalErrorMakesADeadLetterCarryingTheReason() {
    Sent sent = sent(Reply.FATAL_ERROR);

    Communication dead = sent.await(CommunicationStatus.STOPPED);

    assertThat(dead.getStatusReason().getText())
        .contains("fatal-error", "MSG_Mailbox_Out_Of_Operation", "Postkassen er midlertidigt lukket", "$retry-delivery");
    assertThat(NORDVEJ.arrivals(sent.cpr)).as("a fatal error is final: one attempt").hasSize(1);
  }

  @Test
  void aTransientErrorLeadsToTheSameMessageSentAgain() {
    Sent sent = sent(Reply.TRANSIENT_ERROR);

    sent.await(CommunicationStatus.COMPLETED);

    assertThat(NORDVEJ.arrivals(sent.cpr)).hasSize(2).allSatisfy(a -> {
      assertThat(a.bundleId()).isEqualTo(NORDVEJ.arrivals(sent.cpr).get(0).bundleId());
      assertThat(a.header()).isEqualTo(NORDVEJ.arrivals(sent.cpr).get(0).header());
    });
  }

  @Test
  void noAcknowledgementInTimeLeadsToTheSameMessageSentAgain() {
    Sent sent = sent(Reply.LATER);

    sent.await(CommunicationStatus.COMPLETED);

    assertThat(NORDVEJ.arrivals(sent.cpr)).hasSize(2).extracting(GpReceiver.Arrival::bundleId).containsOnly(
        NORDVEJ.arrivals(sent.cpr).get(0).bundleId());
  }

  @Test
  void noAcknowledgementUntilTheLastAttemptMakesADeadLetter() {
    Sent sent = sent(Reply.LATER, Reply.LATER, Reply.LATER);

    Communication dead = sent.await(CommunicationStatus.STOPPED);

    assertThat(dead.getStatusReason().getText()).contains("did not acknowledge", "3 sends", "$retry-delivery");
    assertThat(NORDVEJ.arrivals(sent.cpr)).hasSize(3).extracting(GpReceiver.Arrival::header)
        .containsOnly(NORDVEJ.arrivals(sent.cpr).get(0).header());
  }

  @Test
  void aDuplicatedAcknowledgementChangesNothing() {
    Sent sent = sent(Reply.LATER, Reply.LATER, Reply.LATER);
    Bundle ack = NORDVEJ.acknowledgement(sent.firstArrival(), Acknowledgement.Code.OK);
    assertThat(post(GP_SYSTEM, ack).statusCode()).isEqualTo(200);
    Communication completed = sent.copy();

    HttpResponse<String> again = post(GP_SYSTEM, ack);
    HttpResponse<String> contrary = post(GP_SYSTEM,
        NORDVEJ.acknowledgement(sent.firstArrival(), Acknowledgement.Code.FATAL_ERROR));

    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(contrary.statusCode()).as(contrary.body()).isEqualTo(200);
    assertThat(again.body()).contains("changes nothing");
    assertThat(sent.copy().getStatus()).isEqualTo(CommunicationStatus.COMPLETED);
    assertThat(sent.copy().getMeta().getVersionId()).isEqualTo(completed.getMeta().getVersionId());
  }
}
