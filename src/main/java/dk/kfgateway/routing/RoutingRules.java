package dk.kfgateway.routing;

import dk.kfgateway.rules.RuleRef;

/** The routing rules' ids and sources (ROUTE-xxx), as they appear in refusals, Provenance and the README. */
final class RoutingRules {

  static final RuleRef RESULT_FITS_SERVICE = new RuleRef("ROUTE-001", "bkg 2019 §22-§23; IG kf-result-routing");
  static final RuleRef RESULT_IS_CASE_DOCUMENT = new RuleRef("ROUTE-002", "bkg 2019 §22-§23; guide pkt. 12");
  static final RuleRef GP_ADDRESSABLE = new RuleRef("ROUTE-003", "bkg 2019 §15 stk. 2");
  static final RuleRef GP_RECOMMENDATION_FOLLOWED = new RuleRef("ROUTE-004", "bkg 2019 §9");
  static final RuleRef RETRY_DEAD_LETTERS = new RuleRef("ROUTE-005", "bkg 2019 §15 stk. 2");
  static final RuleRef MEDCOM_MESSAGE = new RuleRef("ROUTE-006",
      "MedCom CareCommunication 5.0.4 (medcom.fhir.dk.carecommunication); bkg 2019 §15 stk. 2");
  static final RuleRef MEDCOM_ACKNOWLEDGEMENT =
      new RuleRef("ROUTE-007", "MedCom Acknowledgement 2.0.3 (medcom.fhir.dk.acknowledgement)");
  static final RuleRef ACKNOWLEDGEMENT_MATCHES = new RuleRef("ROUTE-008",
      "MedCom reliable messaging: response.identifier is the MessageHeader.id of a message sent to the acknowledging GP");

  /** One refusal per MedCom finding (at most ten), each naming the MedCom rule it breaks where the validator says. */
  static dk.kfgateway.rules.Verdict nonConforming(RuleRef rule, String what,
      java.util.List<dk.kfgateway.routing.medcom.MedComValidator.Finding> findings) {
    return new dk.kfgateway.rules.Verdict(findings.stream().limit(10)
        .map(f -> new dk.kfgateway.rules.Violation(rule, dk.kfgateway.rules.Violation.Kind.BUSINESS_RULE,
            what + " does not conform to " + rule.source().replaceFirst(" \\(.*", "") + ": "
                + (f.rule() == null ? "" : f.rule() + ": ") + f.message(), f.location()))
        .toList());
  }

  private RoutingRules() {}
}
