package dk.kfgateway.routing;

import dk.kfgateway.ig.Ig;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.ReferralFixture;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The GP's certificate copy is pushed to the GP system's endpoint (a real HTTP receiver on 127.0.0.1) as a MedCom
 * CareCommunication message, at least once, retried with back-off, acknowledged by a MedCom Acknowledgement, and a dead
 * letter for the secretariat after the last attempt (here: three).
 */
class DeliveringTheGpCopyTest extends RoutingHttpTest {

  @Test
  void aCopyTheGpSystemRefusesAtFirstArrivesExactlyOnceAfterItRecovers() {
    ReferralFixture referral = ReferralFixture.referral("le275-certificate");
    NORDVEJ.failFirst(referral.cpr(), 2);
    String taskId = cases.inProgress(referral);

    cases.complete(taskId, "le275", Map.of());

    awaitCopyIn(taskId, CommunicationStatus.COMPLETED);
    assertThat(NORDVEJ.kept(referral.cpr())).singleElement().satisfies(arrival ->
        assertThat(text(NORDVEJ.message(arrival.bundleId()))).contains(cases.task(taskId).getFocus().getReference()));
    assertThat(NORDVEJ.arrivals(referral.cpr())).hasSizeGreaterThanOrEqualTo(3)
        .extracting(GpReceiver.Arrival::bundleId).containsOnly(NORDVEJ.kept(referral.cpr()).get(0).bundleId());
  }

  @Test
  void theMessageIsAMedComCareCommunicationAddressedBySorAndEanAndCarriesTheCertificate() {
    ReferralFixture referral = ReferralFixture.referral("le275-certificate");
    String taskId = cases.inProgress(referral);

    cases.complete(taskId, "le275", Map.of());

    awaitCopyIn(taskId, CommunicationStatus.COMPLETED);
    assertThat(NORDVEJ.kept(referral.cpr())).hasSize(1);
    Bundle message = NORDVEJ.message(NORDVEJ.kept(referral.cpr()).get(0).bundleId());
    assertThat(message.getType()).isEqualTo(Bundle.BundleType.MESSAGE);
    assertThat(message.getMeta().getProfile().get(0).getValue()).endsWith("medcom-careCommunication-message");
    org.hl7.fhir.r4.model.MessageHeader header = (org.hl7.fhir.r4.model.MessageHeader) message.getEntryFirstRep()
        .getResource();
    assertThat(header.getEventCoding().getCode()).isEqualTo("care-communication-message");
    assertThat(header.getDestinationFirstRep().getEndpoint()).endsWith("900000000012345");
    assertThat(message.getEntry()).as("both parties travel with SOR code and EAN location number (GLN)")
        .filteredOn(e -> e.getResource() instanceof org.hl7.fhir.r4.model.Organization)
        .extracting(e -> ((org.hl7.fhir.r4.model.Organization) e.getResource()).getIdentifier().stream()
            .map(i -> i.getSystem() + "|" + i.getValue()).toList())
        .containsExactlyInAnyOrder(
            List.of("https://www.gs1.org/gln|5790000000012", Ig.SOR + "|900000000000085"),
            List.of("https://www.gs1.org/gln|5790000000029", Ig.SOR + "|900000000012345", Ig.YDERNUMMER + "|099991"));
    assertThat(communication(message).getPayload()).anySatisfy(p -> assertThat(p.getContent())
        .isInstanceOfSatisfying(org.hl7.fhir.r4.model.Attachment.class, pdf ->
            assertThat(pdf.getData()).startsWith("%PDF".getBytes())));
  }

  @Test
  void afterTheLastAttemptTheSecretariatSeesADeadLetterAndRetriesIt() {
    ReferralFixture referral = ReferralFixture.referral("le275-certificate");
    NORDVEJ.failAlways(referral.cpr());
    String taskId = cases.inProgress(referral);
    cases.complete(taskId, "le275", Map.of());

    Communication dead = awaitCopyIn(taskId, CommunicationStatus.STOPPED);
    assertThat(NORDVEJ.arrivals(referral.cpr())).hasSizeGreaterThanOrEqualTo(3)
        .noneMatch(GpReceiver.Arrival::accepted);
    assertThat(dead.getStatusReason().getText()).contains("failed").contains("$retry-delivery");
    Bundle deadLetters = cases.as(Cases.SECRETARIAT).search().byUrl("Communication?status=stopped&category="
        + CopyCategory.SYSTEM + "|certificate-copy&_count=100").returnBundle(Bundle.class).execute();
    assertThat(deadLetters.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
        .contains(dead.getIdElement().getIdPart());

    String given = NORDVEJ.arrivals(referral.cpr()).get(0).bundleId();
    NORDVEJ.recover(referral.cpr());
    HttpResponse<String> retried =
        cases.post(Cases.SECRETARIAT, "/Communication/" + dead.getIdElement().getIdPart() + "/$retry-delivery");

    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    awaitCopyIn(taskId, CommunicationStatus.COMPLETED);
    assertThat(NORDVEJ.kept(referral.cpr())).as("a retry is a new message, made again").singleElement()
        .satisfies(kept -> assertThat(kept.bundleId()).isNotEqualTo(given));
  }

  @Test
  void aMessageTheGpSystemRefusesIsNotSentAgainButLeftToTheSecretariat() {
    ReferralFixture referral = ReferralFixture.referral("le275-certificate");
    NORDVEJ.refuse(referral.cpr());
    String taskId = cases.inProgress(referral);
    cases.complete(taskId, "le275", Map.of());

    Communication dead = awaitCopyIn(taskId, CommunicationStatus.STOPPED);

    assertThat(NORDVEJ.arrivals(referral.cpr())).as("a 400 is final: one attempt").hasSize(1);
    assertThat(dead.getStatusReason().getText()).contains("refused", "HTTP 400", "$retry-delivery");
    NORDVEJ.recover(referral.cpr());
  }

  @Nested
  class Refused {

    @Test
    void whenTheMunicipalityRetriesADelivery() {
      ReferralFixture referral = ReferralFixture.referral("le275-certificate");
      String taskId = cases.inProgress(referral);
      cases.complete(taskId, "le275", Map.of());
      Communication copy = awaitCopyIn(taskId, CommunicationStatus.COMPLETED);

      HttpResponse<String> retried =
          cases.post(Cases.MUNICIPALITY, "/Communication/" + copy.getIdElement().getIdPart() + "/$retry-delivery");

      assertThat(retried.statusCode()).isIn(403, 404);
    }

    @Test
    void whenTheSecretariatRetriesACopyThatWasDelivered() {
      ReferralFixture referral = ReferralFixture.referral("le275-certificate");
      String taskId = cases.inProgress(referral);
      cases.complete(taskId, "le275", Map.of());
      Communication copy = awaitCopyIn(taskId, CommunicationStatus.COMPLETED);

      HttpResponse<String> retried =
          cases.post(Cases.SECRETARIAT, "/Communication/" + copy.getIdElement().getIdPart() + "/$retry-delivery");

      assertThat(retried.statusCode()).isEqualTo(409);
      assertThat(Cases.ruleIds(retried)).containsExactly("ROUTE-005");
    }
  }

  static org.hl7.fhir.r4.model.Communication communication(Bundle message) {
    return message.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Communication.class::isInstance).map(Communication.class::cast).findFirst().orElseThrow();
  }

  static String text(Bundle message) {
    return communication(message).getPayloadFirstRep().getContent().primitiveValue();
  }

  private Communication awaitCopyIn(String taskId, CommunicationStatus status) {
    String referral = cases.task(taskId).getFocus().getReference();
    Cases.await("certificate copy of " + taskId + " " + status.toCode(),
        () -> only(cases.copiesAbout(referral), "certificate-copy").getStatus() == status);
    return only(cases.copiesAbout(referral), "certificate-copy");
  }
}
