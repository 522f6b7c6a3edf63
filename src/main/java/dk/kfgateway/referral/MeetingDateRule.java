package dk.kfgateway.referral;

import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * REF-008: a service held at a meeting (rehabilitation team, right to a health coordinator, meeting-day sparring)
 * needs the meeting date in ServiceRequest.occurrenceDateTime: the coordinator's preparation and the document
 * lead times are counted back from it.
 */
final class MeetingDateRule implements ReferralRule {

  static final String ID = "REF-008";

  @Override
  public Verdict check(IntakeContext context) {
    ServiceRequest request = context.submission().serviceRequest();
    return context.service()
        .filter(ServiceDefinition::meeting)
        .filter(service -> ReferralFields.meeting(request).isEmpty())
        .map(service -> Verdict.refused(
            new RuleRef(ID, service.source()),
            "The service " + service.label() + " is held at a meeting: give the meeting date and time in "
                + "ServiceRequest.occurrenceDateTime.",
            context.submission().locationOf(request) + ".occurrenceDateTime"))
        .orElse(Verdict.allowed());
  }
}
