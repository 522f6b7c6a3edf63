package dk.kfgateway.fhir;

import dk.kfgateway.ig.Ig;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The one place where a rule's refusal becomes an HTTP answer: an OperationOutcome with one issue per violation
 * ("[REF-004] ... (source: guide pkt. 12)", the location as expression), and the status of the gravest kind: 403 when
 * the caller may not do it, 409 when the current state forbids it, 422 when the content breaks a rule.
 */
public final class Refusals {

  /** The system of the rule codes in {@code details.coding}. */
  public static final String RULE_SYSTEM = Ig.CANONICAL + "/rule";

  private Refusals() {}

  /** Throws when the verdict refuses; returns otherwise. */
  public static void enforce(Verdict verdict) {
    if (!verdict.isAllowed()) {
      throw toException(verdict);
    }
  }

  public static BaseServerResponseException toException(Verdict verdict) {
    OperationOutcome outcome = outcome(verdict);
    String summary = verdict.violations().get(0).display();
    return switch (gravest(verdict)) {
      case NOT_PERMITTED -> new ForbiddenOperationException(summary, outcome);
      case CONFLICT -> new ResourceVersionConflictException(summary, null, outcome);
      case BUSINESS_RULE -> new UnprocessableEntityException(summary, outcome);
    };
  }

  static OperationOutcome outcome(Verdict verdict) {
    OperationOutcome outcome = new OperationOutcome();
    for (Violation violation : verdict.violations()) {
      addIssue(outcome, violation.rule(), code(violation.kind()), violation.message(), violation.location());
    }
    return outcome;
  }

  /** An OperationOutcome of one refusal, for answers no {@link Violation.Kind} has (401, 406, 413, 415, 428). */
  public static OperationOutcome outcome(RuleRef rule, OperationOutcome.IssueType code, String message) {
    OperationOutcome outcome = new OperationOutcome();
    addIssue(outcome, rule, code, message, null);
    return outcome;
  }

  /**
   * One issue naming its rule as every refusal does: the rule id as {@code details.coding} (system
   * {@value #RULE_SYSTEM}), "[ID] message (source: ...)" as diagnostics, the message as {@code details.text}, and the
   * location, when known, as {@code expression}.
   */
  public static OperationOutcome.OperationOutcomeIssueComponent addIssue(
      OperationOutcome outcome, RuleRef rule, OperationOutcome.IssueType code, String message, String location) {
    OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(code)
        .setDiagnostics(rule.display(message));
    issue.getDetails().addCoding().setSystem(RULE_SYSTEM).setCode(rule.id());
    issue.getDetails().setText(message);
    if (location != null) {
      issue.addExpression(location);
    }
    return issue;
  }

  /** Kinds are declared from least to most grave: BUSINESS_RULE, CONFLICT, NOT_PERMITTED. */
  private static Violation.Kind gravest(Verdict verdict) {
    return verdict.violations().stream().map(Violation::kind).max(Enum::compareTo).orElseThrow();
  }

  private static OperationOutcome.IssueType code(Violation.Kind kind) {
    return switch (kind) {
      case NOT_PERMITTED -> OperationOutcome.IssueType.FORBIDDEN;
      case CONFLICT -> OperationOutcome.IssueType.CONFLICT;
      case BUSINESS_RULE -> OperationOutcome.IssueType.BUSINESSRULE;
    };
  }
}
