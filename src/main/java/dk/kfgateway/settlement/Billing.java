package dk.kfgateway.settlement;

import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.referral.ServiceCatalogue;
import dk.kfgateway.referral.ServiceDefinition;
import dk.kfgateway.security.CasePartiesLookup;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * Turns a Task write into ChargeItems, inside the write's transaction: gathers the facts (service, municipality,
 * running case), asks {@link BillableEvents} and {@link PricedCharge}, writes the items, and credits what a task
 * cancelled before work had billed (SET-007). A refusal of the rules refuses the whole write.
 */
public class Billing {

  /** A coordinator case runs until 6 months after it ended (Midtjylland aftale 7.1). */
  static final int RUNNING_MONTHS = 6;
  private static final Set<TaskStatus> ENDED =
      Set.of(TaskStatus.COMPLETED, TaskStatus.CANCELLED, TaskStatus.FAILED, TaskStatus.REJECTED);

  private final ChargeItems items;
  private final Credits credits;
  private final Agreements agreements;
  private final ServiceCatalogue catalogue;
  private final CasePartiesLookup parties;

  public Billing(ChargeItems items, Credits credits, Agreements agreements, ServiceCatalogue catalogue,
      CasePartiesLookup parties) {
    this.items = items;
    this.credits = credits;
    this.agreements = agreements;
    this.catalogue = catalogue;
    this.parties = parties;
  }

  public void onTaskWrite(Task before, Task after, Instant now) {
    if (before.getStatus() == after.getStatus() && before.getOutput().size() == after.getOutput().size()) {
      return; // neither a move nor a recorded event: nothing to bill
    }
    Optional<String> municipality = parties.organisationOf(after.getRequester().getReference());
    String focus = after.getFocus().getReference();
    if (municipality.isEmpty() || focus == null || !after.getFor().hasReference()) {
      return; // not a referral's task: nothing to bill
    }
    String service = parties.stored(focus).filter(ServiceRequest.class::isInstance)
        .map(r -> ((ServiceRequest) r).getCode().getCodingFirstRep().getCode()).orElse(null);
    String patient = after.getFor().getReference();
    boolean starting = after.getStatus() == TaskStatus.RECEIVED && BillableEvents.REHAB_TEAM_ADVICE.equals(service);
    TaskChange change = new TaskChange(before, after, service, now,
        starting && runningCase(patient, municipality.get(), now));
    BillableEvents.Found found = BillableEvents.of(change,
        catalogue.find(service).map(ServiceDefinition::points).orElse(null));
    Refusals.enforce(found.verdict());
    Agreement agreement = agreements.of(municipality.get());
    String task = "Task/" + after.getIdElement().getIdPart();
    ChargeItems.Parties of = new ChargeItems.Parties(patient, municipality.get(), agreement.region(),
        List.of(task, focus));
    for (Charge charge : found.charges()) {
      items.write(PricedCharge.of(charge, agreement), of, task + "|" + charge.key(), now, null);
    }
    if (found.cancelledBeforeWork()) {
      items.ofTask(task).stream().filter(i -> !i.hasPartOf())
          .forEach(i -> credits.credit(i,
              SettlementRules.CANCELLED_BEFORE_WORK.display("the task was cancelled before work began"), now));
    }
  }

  /** Whether the citizen has a started case with the municipality that has not ended, or ended within 6 months. */
  private boolean runningCase(String patient, String municipality, Instant now) {
    Instant since = ZonedDateTime.ofInstant(now, PricedCharge.DENMARK).minusMonths(RUNNING_MONTHS).toInstant();
    for (ChargeItem started : items.startedCases(patient, municipality)) {
      if (started.hasPartOf() || credits.isCredited(started)) {
        continue;
      }
      Optional<Task> task = started.getSupportingInformation().stream().map(r -> r.getReference())
          .filter(r -> r.startsWith("Task/")).findFirst().flatMap(parties::stored).map(Task.class::cast);
      if (task.isPresent() && (!ENDED.contains(task.get().getStatus())
          || task.get().getMeta().getLastUpdated().toInstant().isAfter(since))) {
        return true;
      }
    }
    return false;
  }
}
