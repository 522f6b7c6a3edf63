package dk.kfgateway.referral;

import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The shape of a Bundle that carries a referral: a transaction (a batch commits entry by entry and could store a
 * referral without its task, REF-011), with one referral and no Task but its own, so that nothing in it escapes the
 * intake rules (REF-012).
 */
final class ReferralBundleShape {

  static final RuleRef ONE_REFERRAL = new RuleRef("REF-012", "guide pkt. 12 (one case, sent as a whole)");

  Verdict check(Bundle bundle, ReferralSubmission referral) {
    Verdict verdict = Verdict.allowed();
    if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
      verdict = verdict.and(Verdict.refused(ReferralCreationGuard.ONE_TRANSACTION,
          "A referral is posted as Bundle.type 'transaction' (all or nothing), not '" + bundle.getType().toCode() + "'",
          "Bundle.type"));
    }
    List<ServiceRequest> requests = resources(bundle, ServiceRequest.class);
    if (requests.size() > 1) {
      verdict = verdict.and(Verdict.refused(ONE_REFERRAL,
          "One referral per Bundle: this one has " + requests.size() + " ServiceRequests; post each as its own Bundle",
          "Bundle.entry"));
    }
    for (Task task : resources(bundle, Task.class)) {
      if (referral.task().filter(t -> t == task).isEmpty()) {
        verdict = verdict.and(Verdict.refused(ONE_REFERRAL,
            "The only Task in a referral Bundle is the referral's own (focus the ServiceRequest); post other tasks"
                + " separately", referral.locationOf(task)));
      }
    }
    return verdict;
  }

  private static <T> List<T> resources(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance).map(type::cast).toList();
  }
}
