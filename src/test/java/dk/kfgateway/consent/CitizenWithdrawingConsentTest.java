package dk.kfgateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The citizen withdraws consent: the gateway puts the case on hold at once (the deadline stops), look-ups are denied;
 * a new consent, or the old one active again, resumes the case with the time that was left (guide pkt. 13).
 */
class CitizenWithdrawingConsentTest extends ConsentHttpTest {

  Case referral;
  Task beforeHold;

  @BeforeEach
  void acceptedCase() {
    referral = refer("running-case-statement");
    receive(referral.task());
    assertThat(accept(referral.task()).statusCode()).isEqualTo(200);
    beforeHold = task(referral.task());
    withdraw(referral.consent());
  }

  @Test
  void the_gateway_puts_the_case_on_hold_with_the_reason_and_records_it() {
    Task held = task(referral.task());

    assertThat(held.getStatus()).isEqualTo(Task.TaskStatus.ONHOLD);
    assertThat(held.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("consent-questioned");
    assertThat(held.getStatusReason().getText()).contains("CONS-005", "status is inactive");
    assertThat(audit(referral.patient(), "consent-hold")).singleElement()
        .satisfies(e -> assertThat(e.getAgentFirstRep().getAltId()).isEqualTo("kf-gateway"));
  }

  @Test
  void lookups_are_denied_while_on_hold() {
    HttpResponse<String> lookup = sendAs(CLINIC, "GET", "/Task/" + referral.task() + "/$authorize-lookup", null);

    assertThat(lookup.body()).contains("\"deny\"", "CONS-001");
  }

  @Test
  void the_clinic_cannot_resume_the_case_itself_without_consent() {
    HttpResponse<String> response = move(CLINIC, referral.task(), t -> t.setStatus(Task.TaskStatus.ACCEPTED));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(ruleIds(response)).contains("CONS-001");
  }

  @Test
  void a_new_consent_resumes_the_case_with_the_time_that_was_left() {
    Task held = task(referral.task());

    giveConsent(referral.patient(), ConsentCodes.SPECIFIC_WORDING, c -> {});

    Task resumed = task(referral.task());
    assertThat(resumed.getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);
    assertThat(resumed.hasStatusReason()).isFalse();
    Duration leftAtHold = Duration.between(lastUpdated(held), due(beforeHold));
    Duration leftAtResume = Duration.between(lastUpdated(resumed), due(resumed));
    assertThat(due(resumed)).isAfterOrEqualTo(due(beforeHold));
    assertThat(leftAtResume.minus(leftAtHold).abs()).isLessThan(Duration.ofSeconds(5));
    assertThat(audit(referral.patient(), "consent-resume")).hasSize(1);
  }

  @Test
  void the_same_consent_active_again_resumes_the_case() {
    Consent consent = fhir.read().resource(Consent.class).withId(referral.consent()).execute();
    consent.setStatus(Consent.ConsentState.ACTIVE);

    assertThat(put(MUNICIPALITY, "Consent/" + referral.consent(), consent, null).statusCode()).isEqualTo(200);

    assertThat(task(referral.task()).getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);
  }

  @Test
  void a_consent_that_does_not_name_the_clinic_does_not_resume_it() {
    giveConsent(referral.patient(), ConsentCodes.SPECIFIC_WORDING,
        c -> c.getProvision().getActor().removeIf(a -> a.getReference().getReference().contains("kf-region")));

    assertThat(task(referral.task()).getStatus()).isEqualTo(Task.TaskStatus.ONHOLD);
  }

  static Instant due(Task task) {
    return task.getRestriction().getPeriod().getEnd().toInstant();
  }

  static Instant lastUpdated(Task task) {
    return task.getMeta().getLastUpdated().toInstant();
  }
}
