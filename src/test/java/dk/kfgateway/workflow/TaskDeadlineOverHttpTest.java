package dk.kfgateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.calendar.DeadlineCalculator;
import dk.kfgateway.calendar.DeadlineRules;
import dk.kfgateway.calendar.WorkingDayCalendar;
import dk.kfgateway.ig.Ig;
import java.time.Duration;
import java.time.Instant;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;

/**
 * On receipt the gateway sets the due date from the service's deadline rule and records the rule and its source; the
 * clock stops while a task is on hold and resumes with the time left (guide pkt. 13).
 */
class TaskDeadlineOverHttpTest extends WorkflowHttpTest {

  private final DeadlineCalculator calculator = new DeadlineCalculator(WorkingDayCalendar.danish());

  @Test
  void aLae275CertificateIsDue30DaysAfterTheCaseReachedTheRegion_bkg2019par23() {
    String taskId = submit("le275-certificate");
    clinicMoves(taskId, TaskStatus.RECEIVED);

    Task task = task(taskId);
    Instant arrived = firstVersion(taskId).getMeta().getLastUpdated().toInstant();
    Instant expected = calculator.due(DeadlineRules.defaults().forCode("calendar-days-30").orElseThrow(), arrived)
        .orElseThrow();
    assertThat(task.getRestriction().getPeriod().getEnd().toInstant()).isEqualTo(expected.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    Extension deadline = task.getExtensionByUrl(Ig.EXT_DEADLINE);
    assertThat(((Coding) deadline.getExtensionByUrl("rule").getValue()).getCode()).isEqualTo("calendar-days-30");
    assertThat(deadline.getExtensionByUrl("source").getValue().primitiveValue()).contains("§23");
  }

  @Test
  void aLaegeskoenIsDueIn10WorkingDays_guidePkt11() {
    String taskId = submit("medical-estimate");
    clinicMoves(taskId, TaskStatus.RECEIVED);

    Instant arrived = firstVersion(taskId).getMeta().getLastUpdated().toInstant();
    Instant expected = calculator.due(DeadlineRules.defaults().forCode("working-days-10").orElseThrow(), arrived)
        .orElseThrow();
    assertThat(task(taskId).getRestriction().getPeriod().getEnd().toInstant())
        .isEqualTo(expected.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  @Test
  void theClockStopsOnHoldAndResumesWithTheTimeLeft_guidePkt13() throws InterruptedException {
    String taskId = submit("running-case-statement");
    clinicMoves(taskId, TaskStatus.RECEIVED, TaskStatus.ACCEPTED);
    Instant dueBefore = task(taskId).getRestriction().getPeriod().getEnd().toInstant();

    assertThat(move(CLINIC, taskId, t -> t.setStatus(TaskStatus.ONHOLD).setStatusReason(new CodeableConcept(
        new Coding(WorkflowCodes.REJECTION_REASONS, "consent-questioned", null)).setText("Borgeren har trukket samtykket")))
        .statusCode()).isEqualTo(200);
    Thread.sleep(2_000);
    assertThat(move(CLINIC, taskId, t -> t.setStatus(TaskStatus.ACCEPTED).setStatusReason(null)).statusCode())
        .isEqualTo(200);

    Bundle history = fhir.history().onInstance("Task/" + taskId).returnBundle(Bundle.class).execute();
    Instant resumed = ((Task) history.getEntry().get(0).getResource()).getMeta().getLastUpdated().toInstant();
    Instant held = ((Task) history.getEntry().get(1).getResource()).getMeta().getLastUpdated().toInstant();
    Instant dueAfter = task(taskId).getRestriction().getPeriod().getEnd().toInstant();
    assertThat(Duration.between(dueBefore, dueAfter)).isBetween(
        Duration.between(held, resumed).minusSeconds(1), Duration.between(held, resumed).plusSeconds(1));
  }

  @Test
  void resumingToAnotherStateThanBeforeTheHoldIsRefused() {
    String taskId = submit("running-case-statement");
    clinicMoves(taskId, TaskStatus.RECEIVED, TaskStatus.ACCEPTED, TaskStatus.INPROGRESS);
    move(CLINIC, taskId, t -> t.setStatus(TaskStatus.ONHOLD).setStatusReason(new CodeableConcept(
        new Coding(WorkflowCodes.REJECTION_REASONS, "consent-questioned", null)).setText("Samtykket drøftes")));

    var response = move(CLINIC, taskId, t -> t.setStatus(TaskStatus.RECEIVED));

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(ruleIds(response)).contains("WF-008");
  }

  @Test
  void theClinicGivesACaseAnotherDeadlineWithAReason() {
    String taskId = submit("running-case-statement");
    clinicMoves(taskId, TaskStatus.RECEIVED);
    java.util.Date later = java.util.Date.from(Instant.now().plus(Duration.ofDays(40)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

    var response = move(CLINIC, taskId, t -> {
      t.getRestriction().getPeriod().setEnd(later);
      t.getExtensionByUrl(Ig.EXT_DEADLINE).addExtension("reason", new StringType("Aftalt med sagsbehandler 23.11."));
    });

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(task(taskId).getRestriction().getPeriod().getEnd()).isEqualTo(later);
  }

  /** The kf-deadline extension says how the deadline came about (bkg 2019 §21-§23): it changes only with it. */
  @Test
  void theRecordOfHowTheDeadlineCameAboutStaysWithTheDeadline_bkg2019par22() {
    String taskId = submit("running-case-statement");
    clinicMoves(taskId, TaskStatus.RECEIVED);
    Extension record = task(taskId).getExtensionByUrl(Ig.EXT_DEADLINE).copy();

    var erased = move(CLINIC, taskId, t -> t.getExtension().removeIf(e -> Ig.EXT_DEADLINE.equals(e.getUrl())));
    var faked = move(CLINIC, taskId, t -> {
      t.getRestriction().getPeriod().setEnd(java.util.Date.from(Instant.now().plus(Duration.ofDays(60))));
      Extension deadline = t.getExtensionByUrl(Ig.EXT_DEADLINE);
      ((Coding) deadline.getExtensionByUrl("rule").getValue()).setCode("by-agreement");
      deadline.addExtension("reason", new StringType("Aftalt"));
    });

    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(422);
    assertThat(ruleIds(erased)).contains("WF-011");
    assertThat(erased.body()).contains("changes only with the deadline");
    assertThat(faked.statusCode()).as(faked.body()).isEqualTo(422);
    assertThat(faked.body()).contains("'rule' and 'source' are the gateway's record");
    assertThat(task(taskId).getExtensionByUrl(Ig.EXT_DEADLINE).equalsDeep(record)).isTrue();
  }

  @Test
  void eachNewDeadlineComesWithItsOwnReason_bkg2019par22() {
    String taskId = submit("running-case-statement");
    clinicMoves(taskId, TaskStatus.RECEIVED);
    var first = move(CLINIC, taskId, t -> {
      t.getRestriction().getPeriod().setEnd(java.util.Date.from(Instant.now().plus(Duration.ofDays(40))));
      t.getExtensionByUrl(Ig.EXT_DEADLINE).addExtension("reason", new StringType("Aftalt med sagsbehandler 23.11."));
    });
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

    var again = move(CLINIC, taskId,
        t -> t.getRestriction().getPeriod().setEnd(java.util.Date.from(Instant.now().plus(Duration.ofDays(80)))));

    var recased = move(CLINIC, taskId, t -> {
      t.getRestriction().getPeriod().setEnd(java.util.Date.from(Instant.now().plus(Duration.ofDays(80))));
      t.getExtensionByUrl(Ig.EXT_DEADLINE).getExtensionByUrl("reason")
          .setValue(new StringType("aftalt  med sagsbehandler 23.11. "));
    });

    assertThat(again.statusCode()).as(again.body()).isEqualTo(422);
    assertThat(ruleIds(again)).contains("WF-011");
    assertThat(again.body()).contains("with the reason of the deadline before");
    assertThat(recased.statusCode()).as(recased.body()).isEqualTo(422);
    assertThat(recased.body()).contains("with the reason of the deadline before");
  }

  @Test
  void anotherDeadlineIsStillToCome_bkg2019par22() {
    String taskId = submit("running-case-statement");
    clinicMoves(taskId, TaskStatus.RECEIVED);
    java.util.Date due = task(taskId).getRestriction().getPeriod().getEnd();

    var past = move(CLINIC, taskId, t -> {
      t.getRestriction().getPeriod().setEnd(java.util.Date.from(Instant.now().minus(Duration.ofDays(1))));
      t.getExtensionByUrl(Ig.EXT_DEADLINE).addExtension("reason", new StringType("Aftalt med sagsbehandler"));
    });

    assertThat(past.statusCode()).as(past.body()).isEqualTo(422);
    assertThat(ruleIds(past)).contains("WF-011");
    assertThat(past.body()).contains("is in the past");
    assertThat(task(taskId).getRestriction().getPeriod().getEnd()).isEqualTo(due);
  }

  private Task firstVersion(String taskId) {
    return fhir.read().resource(Task.class).withId(new org.hl7.fhir.r4.model.IdType("Task", taskId, "1")).execute();
  }
}
