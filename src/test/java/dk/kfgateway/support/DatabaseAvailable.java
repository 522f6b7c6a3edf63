package dk.kfgateway.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the integration tests of the PostgreSQL run, loudly, when no PostgreSQL server answers on this machine; the H2
 * run is unaffected. {@code .ci/run} starts the server first, so in CI this never skips.
 */
public class DatabaseAvailable implements ExecutionCondition {

  private static volatile String reason;
  private static volatile boolean checked;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (TestDatabase.current() == TestDatabase.H2) {
      return ConditionEvaluationResult.enabled("H2 file database");
    }
    if (!checked) {
      reason = TestDatabase.postgresUnavailableReason();
      checked = true;
      if (reason != null) {
        System.out.println("*** " + reason + ": the PostgreSQL run of the integration tests is SKIPPED ***");
      }
    }
    return reason == null
        ? ConditionEvaluationResult.enabled("PostgreSQL")
        : ConditionEvaluationResult.disabled(reason);
  }
}
