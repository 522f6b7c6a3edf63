package dk.kfgateway.routing.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.routing.CopyCategory;
import java.time.Instant;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A receiver's answer to a GP message, for each code: an Acknowledgement the official packages accept. */
class AnsweringWithAnAcknowledgementTest {

  @ParameterizedTest
  @EnumSource(Acknowledgement.Code.class)
  void theAnswerConformsAndNamesTheMessage(Acknowledgement.Code code) {
    Bundle message = CareCommunicationMessage.of(java.util.UUID.randomUUID().toString(),
        CareCommunicationMessageTest.source(CopyCategory.CERTIFICATE_COPY, CareCommunicationMessageTest.gpClinic(), true));

    Bundle ack = AcknowledgementMessage.answering(message, code, "MSG_Mailbox_Out_Of_Operation", "Indbakken er lukket",
        Instant.now());

    assertThat(OfficialPackagesValidatingTest.VALIDATOR.errors(ack, MedComValidator.ACKNOWLEDGEMENT)).isEmpty();
    Acknowledgement read = Acknowledgement.read(ack).orElseThrow();
    assertThat(read.answers()).isEqualTo(((MessageHeader) message.getEntryFirstRep().getResource()).getIdPart());
    assertThat(read.code()).isEqualTo(code);
    assertThat(read.senderIdentifiers()).contains("900000000012345", "5790000000029");
    assertThat(read.acknowledges(message)).isTrue();
    if (code != Acknowledgement.Code.OK) {
      assertThat(read.reason()).contains("MSG_Mailbox_Out_Of_Operation", "Indbakken er lukket");
    }
  }
}
