package dk.kfgateway.referral;

import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import java.util.List;

/**
 * REF-007: the right to a health coordinator (ret til sundhedskoordinator) in a ressourceforløb has two
 * prerequisites (bilag 13; guide pkt. 7): (1) a concrete employment-directed offer with its content and the demands
 * it makes, and (2) the citizen's own description of where the offer does not take enough account of their health.
 * Each must come as a document of its kf-document-types type.
 */
final class EmploymentOfferPrerequisiteRule implements ReferralRule {

  static final RuleRef RULE = new RuleRef("REF-007", "bilag 13 (2021); guide pkt. 7");

  private record Prerequisite(String typeCode, String description) {}

  private static final List<Prerequisite> PREREQUISITES = List.of(
      new Prerequisite("employment-offer",
          "the concrete employment-directed offer (konkret beskæftigelsesrettet tilbud) describing its content and "
              + "the demands it makes on the citizen"),
      new Prerequisite("citizen-description",
          "the citizen's own description of where the offer does not take enough account of their health"));

  @Override
  public Verdict check(IntakeContext context) {
    return context.service()
        .filter(ServiceDefinition::requiresEmploymentOffer)
        .map(service -> PREREQUISITES.stream()
            .filter(p -> context.submission().documents().stream()
                .noneMatch(d -> d.typeCode().filter(p.typeCode()::equals).isPresent()))
            .map(p -> Verdict.refused(
                RULE,
                "The service " + service.label() + " needs " + p.description() + ": attach it as a document of type '"
                    + p.typeCode() + "'.",
                context.submission().locationOf(context.submission().serviceRequest())))
            .reduce(Verdict.allowed(), Verdict::and))
        .orElse(Verdict.allowed());
  }
}
