package dk.kfgateway.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which task changes are billable events, and the clinic's recorded times they need (guide pkt. 8, 11). */
class BillableEventsTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  @ParameterizedTest(name = "{0} minutes are {1} started half hours")
  @CsvSource({"1, 1", "30, 1", "31, 2", "60, 2", "61, 3", "65, 3", "90, 3"})
  void a_laegeskoen_is_billed_per_started_half_hour(int minutes, int halfHours) {
    Task before = task(TaskStatus.INPROGRESS);
    Task after = task(TaskStatus.COMPLETED);
    Instant start = Instant.parse("2026-03-02T08:00:00Z");
    after.getExecutionPeriod().setStart(Date.from(start)).setEnd(Date.from(start.plusSeconds(60L * minutes)));
    BillableEvents.Found found = BillableEvents.of(change(before, after, BillableEvents.MEDICAL_ESTIMATE), null);
    assertThat(found.charges()).singleElement().satisfies(c -> {
      assertThat(c.code()).isEqualTo(ChargeCode.MEDICAL_ESTIMATE_HALF_HOURS);
      assertThat(c.quantity()).isEqualByComparingTo(BigDecimal.valueOf(halfHours));
    });
  }

  @Test
  void a_laegeskoen_without_its_time_is_recorded_with_no_half_hours_and_one_ending_before_it_starts_is_refused() {
    BillableEvents.Found found = BillableEvents.of(
        change(task(TaskStatus.INPROGRESS), task(TaskStatus.COMPLETED), BillableEvents.MEDICAL_ESTIMATE), null);
    assertThat(found.verdict().isAllowed()).isTrue();
    assertThat(found.charges()).singleElement().satisfies(c -> assertThat(c.quantity()).isZero());
    Task backwards = task(TaskStatus.COMPLETED);
    backwards.getExecutionPeriod().setStart(Date.from(NOW.minusSeconds(60))).setEnd(Date.from(NOW.minusSeconds(120)));
    assertThat(BillableEvents.of(change(task(TaskStatus.INPROGRESS), backwards, BillableEvents.MEDICAL_ESTIMATE), null)
        .verdict().breaks("SET-013")).isTrue();
  }

  @ParameterizedTest(name = "cancelled {0} hours before the consultation: fee {1}")
  @CsvSource({"25, false", "24, false", "23, true", "-2, true"})
  void a_le275_consultation_cancelled_later_than_24_hours_before_costs_a_fee(int hoursBefore, boolean fee) {
    Task after = task(TaskStatus.CANCELLED);
    after.getExecutionPeriod().setStart(Date.from(NOW.plusSeconds(3600L * hoursBefore)));
    BillableEvents.Found found = BillableEvents.of(change(task(TaskStatus.ACCEPTED), after, BillableEvents.LE275),
        null);
    assertThat(found.charges()).hasSize(fee ? 1 : 0);
  }

  @Test
  void a_task_cancelled_before_work_bills_nothing_and_credits_its_receipt() {
    BillableEvents.Found found = BillableEvents.of(
        change(task(TaskStatus.RECEIVED), task(TaskStatus.CANCELLED), BillableEvents.REHAB_TEAM_ADVICE), null);
    assertThat(found.charges()).isEmpty();
    assertThat(found.cancelledBeforeWork()).isTrue();
  }

  @Test
  void a_no_show_is_a_fee_once_and_only_for_a_le275_consultation() {
    Task after = task(TaskStatus.INPROGRESS);
    after.addOutput().setType(new CodeableConcept(new Coding(BillableEvents.EVENTS_SYSTEM, BillableEvents.NO_SHOW,
        null))).setValue(new DateTimeType(Date.from(NOW.minusSeconds(7200))));
    assertThat(BillableEvents.of(change(task(TaskStatus.INPROGRESS), after, BillableEvents.LE275), null).charges())
        .singleElement().extracting(Charge::code).isEqualTo(ChargeCode.NO_SHOW_FEE);
    assertThat(BillableEvents.of(change(after.copy(), after, BillableEvents.LE275), null).charges()).isEmpty();
    assertThat(BillableEvents.of(change(task(TaskStatus.INPROGRESS), after, "case-sparring"), null).verdict()
        .breaks("SET-004")).isTrue();
  }

  @Test
  void a_le275_returned_with_a_note_is_no_assessment() {
    Task after = task(TaskStatus.COMPLETED);
    after.setBusinessStatus(new CodeableConcept(new Coding("x", "returned-with-note", null)));
    assertThat(BillableEvents.of(change(task(TaskStatus.INPROGRESS), after, BillableEvents.LE275), null).charges())
        .isEmpty();
  }

  @Test
  void work_cannot_end_in_the_future() {
    Task after = task(TaskStatus.COMPLETED);
    after.getExecutionPeriod().setEnd(Date.from(NOW.plusSeconds(60)));
    assertThat(BillableEvents.of(change(task(TaskStatus.INPROGRESS), after, "case-sparring"), BigDecimal.ONE)
        .verdict().breaks("SET-013")).isTrue();
  }

  private static Task task(TaskStatus status) {
    return new Task().setStatus(status);
  }

  private static TaskChange change(Task before, Task after, String service) {
    return new TaskChange(before, after, service, NOW, false);
  }
}
