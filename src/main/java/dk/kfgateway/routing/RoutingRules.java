package dk.kfgateway.routing;

import dk.kfgateway.rules.RuleRef;

/** The routing rules' ids and sources (ROUTE-xxx), as they appear in refusals, Provenance and the README. */
final class RoutingRules {

  static final RuleRef RESULT_FITS_SERVICE = new RuleRef("ROUTE-001", "bkg 2019 §22-§23; IG kf-result-routing");
  static final RuleRef RESULT_IS_CASE_DOCUMENT = new RuleRef("ROUTE-002", "bkg 2019 §22-§23; guide pkt. 12");
  static final RuleRef GP_ADDRESSABLE = new RuleRef("ROUTE-003", "bkg 2019 §15 stk. 2");
  static final RuleRef GP_RECOMMENDATION_FOLLOWED = new RuleRef("ROUTE-004", "bkg 2019 §9");
  static final RuleRef RETRY_DEAD_LETTERS = new RuleRef("ROUTE-005", "bkg 2019 §15 stk. 2");

  private RoutingRules() {}
}
