package dk.kfgateway.routing;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import dk.kfgateway.security.Caller;
import dk.kfgateway.security.PartyRole;
import java.time.Clock;
import java.util.List;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two routing operations a party calls:
 * <ul>
 *   <li>{@code POST /fhir/Communication/{id}/$retry-delivery}: the clinic's secretariat sends a dead letter again;</li>
 *   <li>{@code POST /fhir/Task/{id}/$follow-gp-recommendation}: the requesting municipality follows the coordinator's
 *       recommendation that the citizen see their GP, and the GP is told the background (bkg 2019 §9).</li>
 * </ul>
 */
public class RoutingOperations {

  private final DaoRegistry daos;
  private final Outbox outbox;
  private final ResultRouter router;
  private final TransactionTemplate transactions;
  private final Clock clock;

  RoutingOperations(DaoRegistry daos, Outbox outbox, ResultRouter router, PlatformTransactionManager transactions,
      Clock clock) {
    this.daos = daos;
    this.outbox = outbox;
    this.router = router;
    this.transactions = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  @Operation(name = "$retry-delivery", type = Communication.class)
  public Communication retryDelivery(@IdParam IdType id, RequestDetails request) {
    Caller caller = caller(request, RoutingRules.RETRY_DEAD_LETTERS);
    return transactions.execute(status -> {
      Communication copy =
          daos.getResourceDao(Communication.class).read(id.toUnqualifiedVersionless(), new SystemRequestDetails());
      if (!(caller.role() == PartyRole.SECRETARIAT || caller.role() == PartyRole.CLINIC)
          || !caller.actsFor(copy.getSender().getReference())) {
        throw Refusals.toException(Verdict.notPermitted(RoutingRules.RETRY_DEAD_LETTERS,
            "Only the sending clinic's secretariat retries a delivery", "Communication"));
      }
      String reference = "Communication/" + copy.getIdElement().getIdPart();
      boolean dead = copy.getStatus() == CommunicationStatus.STOPPED && outbox.ofCommunication(reference).isPresent();
      // a new MedCom message from today's data (the reason may have been fixed), validated again (ROUTE-006)
      GpMessage.Written message = dead ? router.messageAgain(copy, caller, clock.instant()) : null;
      if (!dead || !outbox.retry(reference, message.id(), message.header(), message.json(), clock.instant())) {
        throw conflict(RoutingRules.RETRY_DEAD_LETTERS, "Only a copy whose delivery was given up (status stopped) is "
            + "retried; this one is '" + copy.getStatus().toCode() + "'");
      }
      copy.setStatus(CommunicationStatus.INPROGRESS).setStatusReason(null);
      daos.getResourceDao(Communication.class).update(copy, new SystemRequestDetails());
      return copy;
    });
  }

  @Operation(name = "$follow-gp-recommendation", type = Task.class)
  public Parameters followGpRecommendation(@IdParam IdType id, RequestDetails request) {
    Caller caller = caller(request, RoutingRules.GP_RECOMMENDATION_FOLLOWED);
    List<String> copies = transactions.execute(status -> {
      Task task = daos.getResourceDao(Task.class).read(id.toUnqualifiedVersionless(), new SystemRequestDetails());
      String municipality = router.municipalityOf(task);
      if (caller.role() != PartyRole.MUNICIPALITY || !caller.actsFor(municipality)) {
        throw Refusals.toException(Verdict.notPermitted(RoutingRules.GP_RECOMMENDATION_FOLLOWED,
            "Only the requesting municipality (" + municipality + ") follows the coordinator's recommendation",
            "Task"));
      }
      if (task.getStatus() != TaskStatus.COMPLETED || !ResultRouter.flag(task, "gp-visit-recommended")) {
        throw conflict(RoutingRules.GP_RECOMMENDATION_FOLLOWED, "The coordinator has not recommended a GP visit in "
            + "this completed referral (Task.output gp-visit-recommended), so there is nothing to follow");
      }
      List<String> earlier = earlierCopies(task, CopyCategory.GP_INFORMATION);
      // Following twice (a client retrying) informs the GP once: the answer names the copies already made.
      return earlier.isEmpty() ? router.onGpRecommendationFollowed(task, caller) : earlier;
    });
    Parameters result = new Parameters();
    copies.forEach(copy -> result.addParameter().setName("communication").setValue(new Reference(copy)));
    return result;
  }

  private List<String> earlierCopies(Task task, CopyCategory category) {
    ca.uhn.fhir.jpa.searchparam.SearchParameterMap copies = ca.uhn.fhir.jpa.searchparam.SearchParameterMap
        .newSynchronous(Communication.SP_BASED_ON, new ca.uhn.fhir.rest.param.ReferenceParam(
            "Task/" + task.getIdElement().getIdPart()))
        .add(Communication.SP_CATEGORY, new ca.uhn.fhir.rest.param.TokenParam(CopyCategory.SYSTEM, category.code()));
    return daos.getResourceDao(Communication.class).searchForResources(copies, new SystemRequestDetails()).stream()
        .map(c -> "Communication/" + c.getIdElement().getIdPart()).toList();
  }

  private static Caller caller(RequestDetails request, RuleRef rule) {
    return Caller.of(request).orElseThrow(() -> Refusals.toException(
        Verdict.notPermitted(rule, "An unidentified caller cannot do this", null)));
  }

  private static RuntimeException conflict(RuleRef rule, String message) {
    return Refusals.toException(Verdict.of(new Violation(rule, Violation.Kind.CONFLICT, message, null)));
  }
}
