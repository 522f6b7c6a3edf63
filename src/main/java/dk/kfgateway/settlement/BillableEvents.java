package dk.kfgateway.settlement;

import dk.kfgateway.rules.Verdict;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * Which billable events a Task change is (pure): a completed LÆ 275 assessment (SET-001), the points of a meeting-day
 * service (SET-002), the started half hours of a lægeskøn (SET-003), a no-show (SET-004) or a late cancellation
 * (SET-005) of a LÆ 275 consultation, a started coordinator case (SET-006). The clinic records the times billing needs
 * on the Task: {@code executionPeriod} is the work done (its end the moment the service was given; for a lægeskøn
 * start and end of the time spent) and, for a LÆ 275, {@code executionPeriod.start} is the booked consultation; a
 * no-show is a {@code Task.output} of type {@code kf-settlement-events#no-show} with the missed consultation as its
 * {@code valueDateTime}.
 */
public final class BillableEvents {

  public static final String LE275 = "le275-certificate";
  public static final String MEDICAL_ESTIMATE = "medical-estimate";
  public static final String REHAB_TEAM_ADVICE = "rehab-team-advice";
  public static final String EVENTS_SYSTEM = dk.kfgateway.ig.Ig.codeSystem("kf-settlement-events");
  public static final String NO_SHOW = "no-show";

  /** Triage outcomes that are an assessment (a referral returned with a note is none). */
  private static final Set<String> ASSESSMENTS = Set.of("assessment-existing-information", "examination");
  private static final Duration LATE = Duration.ofHours(24);
  private static final long HALF_HOUR_SECONDS = 30 * 60;

  /** The events found, or a refusal when the clinic's recorded times cannot be billed (SET-013). */
  public record Found(Verdict verdict, List<Charge> charges, boolean cancelledBeforeWork) {}

  private BillableEvents() {}

  /** @param points the meeting-day points of the service (kf-services), null for a service without points */
  public static Found of(TaskChange change, BigDecimal points) {
    Task after = change.after();
    List<Charge> charges = new ArrayList<>();
    Verdict verdict = noShows(change, charges);
    if (change.becomes(TaskStatus.RECEIVED) && REHAB_TEAM_ADVICE.equals(change.service())
        && !change.runningCoordinatorCase()) {
      charges.add(new Charge(ChargeCode.STARTED_COORDINATOR_CASE, BigDecimal.ONE,
          after.hasAuthoredOn() ? after.getAuthoredOn().toInstant() : change.now(), "started-case",
          "a case sent to the region for the rehabilitation team"));
    }
    if (change.becomes(TaskStatus.COMPLETED)) {
      verdict = verdict.and(completed(change, points, charges));
    }
    boolean beforeWork = false;
    if (change.becomes(TaskStatus.CANCELLED)) {
      lateCancellation(change).ifPresent(charges::add);
      beforeWork = change.before() != null
          && Set.of(TaskStatus.REQUESTED, TaskStatus.RECEIVED).contains(change.before().getStatus());
    }
    return new Found(verdict, verdict.isAllowed() ? List.copyOf(charges) : List.of(), beforeWork);
  }

  private static Verdict completed(TaskChange change, BigDecimal points, List<Charge> charges) {
    Task after = change.after();
    Instant end = after.getExecutionPeriod().hasEnd() ? after.getExecutionPeriod().getEnd().toInstant() : change.now();
    if (end.isAfter(change.now())) {
      return refused("The work cannot end in the future: Task.executionPeriod.end is after now", "executionPeriod.end");
    }
    if (LE275.equals(change.service()) && ASSESSMENTS.contains(after.getBusinessStatus().getCodingFirstRep().getCode())) {
      charges.add(new Charge(ChargeCode.LE275_ASSESSMENT, BigDecimal.ONE, end, "completed", "a LÆ 275 assessment"));
    } else if (points != null && points.signum() > 0) {
      charges.add(new Charge(ChargeCode.MEETING_DAY_POINTS, points, end, "completed",
          points.stripTrailingZeros().toPlainString() + " points of 20 minutes on a meeting day"));
    } else if (MEDICAL_ESTIMATE.equals(change.service())) {
      if (!after.getExecutionPeriod().hasStart() || !after.getExecutionPeriod().hasEnd()) {
        // Completing the work is never held up by billing: the charge is recorded, unbilled, for the secretariat.
        charges.add(new Charge(ChargeCode.MEDICAL_ESTIMATE_HALF_HOURS, BigDecimal.ZERO, end, "completed",
            "no time recorded in Task.executionPeriod, so 0 started half hours [" + SettlementRules.RECORDED_TIMES.id()
                + "]"));
        return Verdict.allowed();
      }
      if (!end.isAfter(after.getExecutionPeriod().getStart().toInstant())) {
        return refused("The time spent on a lægeskøn ends after it starts (Task.executionPeriod)", "executionPeriod");
      }
      long seconds = Duration.between(after.getExecutionPeriod().getStart().toInstant(), end).toSeconds();
      long halfHours = (seconds + HALF_HOUR_SECONDS - 1) / HALF_HOUR_SECONDS;
      charges.add(new Charge(ChargeCode.MEDICAL_ESTIMATE_HALF_HOURS, BigDecimal.valueOf(halfHours), end, "completed",
          halfHours + " started half hours (" + (seconds / 60) + " minutes)"));
    }
    return Verdict.allowed();
  }

  /** Each no-show recorded by this write (not already on the task before it) is a fee. */
  private static Verdict noShows(TaskChange change, List<Charge> charges) {
    Set<String> earlier = change.before() == null ? Set.of() : noShowTimes(change.before());
    for (String at : noShowTimes(change.after())) {
      if (earlier.contains(at)) {
        continue;
      }
      if (!LE275.equals(change.service())) {
        return Verdict.refused(SettlementRules.NO_SHOW_FEE,
            "A no-show fee is charged for a LÆ 275 consultation only, not for " + change.service(), "Task.output");
      }
      Instant missed = Instant.parse(at);
      if (missed.isAfter(change.now())) {
        return refused("A no-show is recorded after the missed consultation, not before it", "Task.output");
      }
      charges.add(new Charge(ChargeCode.NO_SHOW_FEE, BigDecimal.ONE, missed, "no-show:" + at,
          "the citizen did not show up for the consultation"));
    }
    return Verdict.allowed();
  }

  private static Set<String> noShowTimes(Task task) {
    Set<String> times = new java.util.TreeSet<>();
    for (Task.TaskOutputComponent output : task.getOutput()) {
      if (output.getType().hasCoding(EVENTS_SYSTEM, NO_SHOW) && output.getValue() instanceof
          org.hl7.fhir.r4.model.DateTimeType at && at.getValue() != null) {
        times.add(at.getValue().toInstant().toString());
      }
    }
    return times;
  }

  /** A LÆ 275 consultation cancelled later than 24 hours before its time costs a fee (guide pkt. 8). */
  private static java.util.Optional<Charge> lateCancellation(TaskChange change) {
    Task after = change.after();
    if (!LE275.equals(change.service()) || !after.getExecutionPeriod().hasStart()) {
      return java.util.Optional.empty();
    }
    Instant consultation = after.getExecutionPeriod().getStart().toInstant();
    return change.now().isAfter(consultation.minus(LATE))
        ? java.util.Optional.of(new Charge(ChargeCode.LATE_CANCELLATION_FEE, BigDecimal.ONE, consultation,
            "late-cancellation", "cancelled later than 24 hours before the consultation"))
        : java.util.Optional.empty();
  }

  private static Verdict refused(String message, String location) {
    return Verdict.refused(SettlementRules.RECORDED_TIMES, message, "Task." + location.replace("Task.", ""));
  }
}
