package dk.kfgateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Nobody withdraws anything, but the consent's period runs out: the gateway's sweep puts the open case on hold by
 * itself, as for a withdrawal (guide pkt. 13, CONS-005).
 */
@TestPropertySource(properties = "gateway.consent.expiry-check=1s")
class ConsentRunningOutTest extends ConsentHttpTest {

  @Test
  void an_open_case_goes_on_hold_once_its_consent_period_has_ended() throws InterruptedException {
    Case referral = refer("running-case-statement");
    receive(referral.task());
    Consent consent = fhir.read().resource(Consent.class).withId(referral.consent()).execute();
    consent.getProvision().getPeriod().setEndElement(
        new DateTimeType(Date.from(Instant.now().plusSeconds(4)), TemporalPrecisionEnum.SECOND));
    HttpResponse<String> shortened = put(MUNICIPALITY, "Consent/" + referral.consent(), consent, null);
    assertThat(shortened.statusCode()).as(shortened.body()).isEqualTo(200);
    assertThat(task(referral.task()).getStatus()).as("the consent still holds").isEqualTo(Task.TaskStatus.RECEIVED);

    Task held = awaitHold(referral.task());

    assertThat(held.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("consent-questioned");
    assertThat(held.getStatusReason().getText()).contains("CONS-005", "period");
    assertThat(audit(referral.patient(), "consent-hold")).hasSize(1);
  }

  private Task awaitHold(String taskId) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    Task task = task(taskId);
    while (task.getStatus() != Task.TaskStatus.ONHOLD) {
      assertThat(Instant.now()).as("the task went on hold within 60 s").isBefore(deadline);
      Thread.sleep(500);
      task = task(taskId);
    }
    return task;
  }
}
