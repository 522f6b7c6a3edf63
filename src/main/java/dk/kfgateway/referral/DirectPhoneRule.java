package dk.kfgateway.referral;

import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * REF-006: for phone sparring the secretariat calls the caseworker to book the time, and after two failed calls the
 * case closes with a short note (guide pkt. 2 and 3: "Vær opmærksom på at skrive sagsbehandlerens direkte tlf. nr.").
 * The direct number is the requester PractitionerRole's work phone; the role may be in the Bundle or already stored,
 * which the injected lookup resolves.
 */
final class DirectPhoneRule implements ReferralRule {

  static final String ID = "REF-006";

  private final Function<String, Optional<PractitionerRole>> storedRoles;

  DirectPhoneRule(Function<String, Optional<PractitionerRole>> storedRoles) {
    this.storedRoles = storedRoles;
  }

  @Override
  public Verdict check(IntakeContext context) {
    return context.service()
        .filter(ServiceDefinition::requiresDirectPhone)
        .map(service -> problem(context.submission())
            .map(problem -> Verdict.refused(
                new RuleRef(ID, service.source()),
                "The service " + service.label() + " needs the caseworker's direct phone number: " + problem + ".",
                context.submission().locationOf(context.submission().serviceRequest()) + ".requester"))
            .orElse(Verdict.allowed()))
        .orElse(Verdict.allowed());
  }

  private Optional<String> problem(ReferralSubmission submission) {
    ServiceRequest request = submission.serviceRequest();
    if (!request.getRequester().hasReference()) {
      return Optional.of("ServiceRequest.requester does not name the caseworker's PractitionerRole");
    }
    Optional<PractitionerRole> role = requester(submission, request.getRequester());
    if (role.isEmpty()) {
      return Optional.of("the requester '" + request.getRequester().getReference()
          + "' is not a PractitionerRole in this Bundle or on the server");
    }
    boolean hasDirectPhone = role.get().getTelecom().stream()
        .anyMatch(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE
            && t.getUse() == ContactPoint.ContactPointUse.WORK
            && t.hasValue() && !t.getValue().isBlank());
    return hasDirectPhone
        ? Optional.empty()
        : Optional.of("the requester's PractitionerRole has no telecom with system 'phone' and use 'work'");
  }

  private Optional<PractitionerRole> requester(ReferralSubmission submission, Reference reference) {
    Optional<PractitionerRole> inBundle = submission.resolve(reference)
        .filter(PractitionerRole.class::isInstance)
        .map(PractitionerRole.class::cast);
    return inBundle.isPresent() ? inBundle : storedRoles.apply(reference.getReference());
  }
}
