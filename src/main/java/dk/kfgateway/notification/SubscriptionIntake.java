package dk.kfgateway.notification;

import ca.uhn.fhir.jpa.searchparam.matcher.InMemoryMatchResult;
import ca.uhn.fhir.jpa.searchparam.matcher.InMemoryResourceMatcher;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dk.kfgateway.access.RestrictedCallers;
import dk.kfgateway.fhir.AfterCommit;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.pipeline.Step;
import dk.kfgateway.pipeline.Write;
import dk.kfgateway.pipeline.WriteStep;
import dk.kfgateway.rules.Verdict;
import dk.kfgateway.security.Caller;
import dk.kfgateway.security.PartyRole;
import dk.kfgateway.security.allowlist.AllowList;
import java.time.Clock;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;
import org.hl7.fhir.r4.model.Subscription;

/**
 * Takes in the Subscriptions clients write: the rules of what they may say (NOTIF-001..003, before the other rules of
 * the write), the status the gateway gives them (requested becomes active at once: matching starts with the commit),
 * and the subscriber row written in the Subscription's own transaction. The gateway's own writes (status error) pass.
 */
public class SubscriptionIntake implements WriteStep {

  private final Subscribers subscribers;
  private final NotificationQueue queue;
  private final SubscriberRegistry registry;
  private final AllowList allowList;
  private final RestrictedCallers restricted;
  private final InMemoryResourceMatcher matcher;
  private final Clock clock;

  SubscriptionIntake(Subscribers subscribers, NotificationQueue queue, SubscriberRegistry registry, AllowList allowList,
      RestrictedCallers restricted, InMemoryResourceMatcher matcher, Clock clock) {
    this.subscribers = subscribers;
    this.queue = queue;
    this.registry = registry;
    this.allowList = allowList;
    this.restricted = restricted;
    this.matcher = matcher;
    this.clock = clock;
  }

  @Override
  public Step step() {
    return Step.SUBSCRIPTION_INTAKE;
  }

  @Override
  public void apply(Write write) {
    switch (write.phase()) {
      case CREATE -> beforeCreate(write.resource(), write.request());
      case UPDATE -> beforeUpdate(write.previous(), write.resource(), write.request());
      case DELETE -> beforeDelete(write.resource(), write.request());
      case CREATED -> created(write.resource(), write.request());
      case UPDATED -> updated(write.previous(), write.resource(), write.request());
      case DELETED -> deleted(write.resource(), write.request());
      default -> { }
    }
  }

  private void beforeCreate(IBaseResource resource, RequestDetails request) {
    take(resource, request);
  }

  private void beforeUpdate(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    onlyByItsOwner(resource, request, "change");
    take(resource, request);
  }

  private void beforeDelete(IBaseResource resource, RequestDetails request) {
    onlyByItsOwner(resource, request, "delete");
  }

  /** NOTIF-004: only the client that created a Subscription changes or deletes it. */
  private void onlyByItsOwner(IBaseResource resource, RequestDetails request, String what) {
    if (resource instanceof Subscription subscription) {
      restricted.of(request).ifPresent(caller -> subscribers.find(subscription.getIdElement().getIdPart())
          .filter(owner -> !owner.client().equals(caller.clientId()))
          .ifPresent(owner -> Refusals.enforce(Verdict.notPermitted(NotificationRules.OWNER, caller.clientId()
              + " may " + what + " only the Subscriptions it created itself", "Subscription"))));
    }
  }

  private void created(IBaseResource resource, RequestDetails request) {
    if (resource instanceof Subscription subscription) {
      Caller owner = Caller.of(request).orElse(new Caller("gateway", PartyRole.ADMINISTRATOR, "", null, null));
      subscribers.save(subscriber(subscription, owner), clock.instant());
      reloadAfterCommit();
    }
  }

  private void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    if (resource instanceof Subscription subscription) {
      String id = subscription.getIdElement().getIdPart();
      Caller owner = subscribers.find(id)
          .map(s -> new Caller(s.client(), s.role(), s.organization(), null, null))
          .orElseGet(() -> Caller.of(request).orElse(new Caller("gateway", PartyRole.ADMINISTRATOR, "", null, null)));
      subscribers.save(subscriber(subscription, owner), clock.instant());
      reloadAfterCommit();
    }
  }

  private void deleted(IBaseResource resource, RequestDetails request) {
    if (resource instanceof Subscription subscription) {
      String id = subscription.getIdElement().getIdPart();
      subscribers.delete(id);
      queue.dropAll(id);
      reloadAfterCommit();
    }
  }

  private void take(IBaseResource resource, RequestDetails request) {
    if (!(resource instanceof Subscription subscription) || Caller.of(request).isEmpty()) {
      return;
    }
    DeliveryState.strip(subscription);
    Verdict verdict = SubscriptionRules.status(subscription.getStatus())
        .and(SubscriptionRules.channel(subscription.getChannel()));
    Caller caller = restricted.of(request).orElse(null);
    if (caller != null) {
      verdict = verdict.and(SubscriptionRules.criteria(allowList.of(caller.role()), subscription.getCriteria()));
    }
    if (verdict.isAllowed()) {
      verdict = inMemory(subscription.getCriteria());
    }
    Refusals.enforce(verdict);
    if (subscription.getStatus() != SubscriptionStatus.OFF) {
      subscription.setStatus(SubscriptionStatus.ACTIVE);
      subscription.setError(null);
    }
  }

  /**
   * NOTIF-001: the criteria as HAPI parses them, matched in memory; never a database search per change. The refusal
   * names the parameters, never their values (which may be a CPR).
   */
  private Verdict inMemory(String criteria) {
    InMemoryMatchResult result;
    try {
      result = matcher.canBeEvaluatedInMemory(criteria);
    } catch (BaseServerResponseException | IllegalArgumentException e) {
      result = InMemoryMatchResult.unsupportedFromReason(InMemoryMatchResult.PARSE_FAIL);
    }
    return result.supported() ? Verdict.allowed() : Verdict.refused(NotificationRules.CRITERIA, "Criteria with the"
        + " parameters " + SubscriptionRules.names(criteria) + " cannot be matched in memory ("
        + result.getUnsupportedReason() + ")", "Subscription.criteria");
  }

  private static Subscriber subscriber(Subscription subscription, Caller owner) {
    String criteria = subscription.getCriteria() == null ? "" : subscription.getCriteria().trim();
    String status = switch (subscription.getStatus() == null ? SubscriptionStatus.OFF : subscription.getStatus()) {
      case ACTIVE, REQUESTED -> Subscriber.ACTIVE;
      case ERROR -> Subscriber.ERROR;
      default -> Subscriber.OFF;
    };
    List<String> headers = subscription.getChannel().getHeader().stream().map(h -> h.getValue()).toList();
    return new Subscriber(subscription.getIdElement().getIdPart(), owner.clientId(), owner.role(),
        owner.organization(), criteria.split("\\?", 2)[0], criteria, subscription.getChannel().getEndpoint(),
        subscription.getChannel().hasPayload(), headers, status);
  }

  private void reloadAfterCommit() {
    AfterCommit.run(registry::reload);
  }
}
