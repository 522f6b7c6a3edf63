package dk.kfgateway.referral;

import dk.kfgateway.ig.Ig;

import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import java.util.stream.Collectors;

/**
 * REF-001: the ordered service must be one of the catalogue (kf-services). Without a known service none of the
 * service's own limits can be checked, and Klinisk Funktion would not know what is asked of it.
 */
final class UnknownServiceRule implements ReferralRule {

  static final RuleRef RULE = new RuleRef("REF-001", ServiceCatalogue.CATALOGUE_SOURCE);

  private final ServiceCatalogue catalogue;

  UnknownServiceRule(ServiceCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public Verdict check(IntakeContext context) {
    if (context.service().isPresent()) {
      return Verdict.allowed();
    }
    String location = context.submission().locationOf(context.submission().serviceRequest()) + ".code";
    String known = catalogue.services().stream().map(ServiceDefinition::code).collect(Collectors.joining(", "));
    String what = context.submission().serviceCode()
        .map(code -> "The ordered service '" + code + "' is not in the service catalogue")
        .orElse("The referral names no service: ServiceRequest.code has no coding from " + Ig.codeSystem(Ig.CS_SERVICES));
    return Verdict.refused(RULE, what + "; order one of: " + known + ".", location);
  }
}
