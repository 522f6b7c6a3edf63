package dk.kfgateway.referral;

import dk.kfgateway.access.CitizenReference;
import dk.kfgateway.ig.Ig;
import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The shape of a Bundle that carries a referral: a transaction (a batch commits entry by entry and could store a
 * referral without its task, REF-011), with one referral, no Task but its own, no Patient but its citizen and no
 * Consent but that citizen's, so
 * that nothing in it escapes the intake rules (REF-012). A Patient entry the referral does not name would be a
 * conditional create answered with the matched citizen: a way to ask whether a CPR is known, which intake never
 * answers; for the same reason the citizen's own conditional create asks for the CPR of the Patient sent.
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
    for (DocumentReference document : resources(bundle, DocumentReference.class)) {
      if (!referral.namesTheCitizen(document.getSubject())) {
        verdict = verdict.and(Verdict.refused(ONE_REFERRAL,
            "A referral's documents are its citizen's: DocumentReference.subject must name the Patient the"
                + " ServiceRequest.subject names (and carry no other CPR)", referral.locationOf(document) + ".subject"));
      }
    }
    for (Consent consent : resources(bundle, Consent.class)) {
      if (!referral.namesTheCitizen(consent.getPatient())) {
        verdict = verdict.and(Verdict.refused(ONE_REFERRAL,
            "A referral's consent is its citizen's: Consent.patient must name the Patient the ServiceRequest.subject"
                + " names (and carry no other CPR)", referral.locationOf(consent) + ".patient"));
      }
    }
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (!(entry.getResource() instanceof Patient citizen)) {
        continue;
      }
      if (referral.refersTo(referral.serviceRequest().getSubject(), citizen)
          && !CitizenReference.carriesOwnIdentifier(referral.serviceRequest().getSubject(), citizen)) {
        verdict = verdict.and(Verdict.refused(ONE_REFERRAL, "ServiceRequest.subject carries an identifier that is not"
            + " the citizen's: give the Patient's own CPR or none", referral.locationOf(referral.serviceRequest())
            + ".subject"));
      }
      if (!referral.refersTo(referral.serviceRequest().getSubject(), citizen)) {
        verdict = verdict.and(Verdict.refused(ONE_REFERRAL,
            "The only Patient in a referral Bundle is the citizen the ServiceRequest.subject names; post no other"
                + " Patient", referral.locationOf(citizen)));
      } else if (entry.getRequest().hasIfNoneExist() && !matchesOwnCpr(entry.getRequest().getIfNoneExist(), citizen)) {
        verdict = verdict.and(Verdict.refused(ONE_REFERRAL,
            "The citizen's conditional create names the CPR of the Patient sent: ifNoneExist is identifier="
                + Ig.CPR + "|<the Patient's CPR>", referral.locationOf(citizen).replace(".resource", ".request")));
      }
    }
    return verdict;
  }

  /**
   * Whether a citizen's {@code ifNoneExist} asks for the CPR of the Patient sent. Another CPR would attach the referral
   * to whoever holds it, and its "not matched" answer would tell whether that CPR is known.
   */
  private static boolean matchesOwnCpr(String condition, Patient citizen) {
    String decoded;
    try {
      decoded = URLDecoder.decode(condition, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) { // a broken %-escape asks for no CPR at all
      return false;
    }
    return citizen.getIdentifier().stream().filter(i -> Ig.CPR.equals(i.getSystem()) && i.hasValue())
        .anyMatch(i -> decoded.equals("identifier=" + Ig.CPR + "|" + i.getValue()));
  }

  private static <T> List<T> resources(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance).map(type::cast).toList();
  }
}
