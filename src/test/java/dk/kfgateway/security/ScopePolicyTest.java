package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.rules.Verdict;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScopePolicyTest {

  private final ScopePolicy policy = new ScopePolicy();

  @ParameterizedTest(name = "{0} allows {2} on {1}: {3}")
  @CsvSource({
    "system/Task.rs, Task, READ, true",
    "system/Task.rs, Task, SEARCH, true",
    "system/Task.rs, Task, UPDATE, false",
    "system/Task.rs, Patient, READ, false",
    "system/Task.cruds, Task, DELETE, true",
    "system/Task.cu, Task, CREATE, true",
    "system/Task.cu, Task, READ, false",
    "system/*.rs, Consent, SEARCH, true",
    "system/*.rs, Consent, CREATE, false",
    "system/*.cruds, *, CREATE, true",
    "system/Task.read, Task, SEARCH, true",
    "system/Task.read, Task, UPDATE, false",
    "system/Task.write, Task, DELETE, true",
    "system/Task.write, Task, READ, false",
    "system/*.*, Binary, DELETE, true",
    "system/*.read, *, SEARCH, true"
  })
  void aScopeAllowsExactlyItsActions(String scope, String type, SmartAction action, boolean allowed) {
    assertThat(check(Set.of(scope), type, action).isAllowed()).isEqualTo(allowed);
  }

  @Test
  void aRefusalNamesTheClientAndTheScopeItLacks() {
    Verdict verdict = check(Set.of("system/Task.rs"), "Task", SmartAction.UPDATE);

    assertThat(verdict.breaks("SEC-002")).isTrue();
    assertThat(verdict.violations().get(0).message())
        .isEqualTo(
            "Client gp-nordvej (GP, Organization/gp-clinic-nordvej) may not update Task: requires system/Task.u");
  }

  @Test
  void everyMissingScopeIsNamedOnceForAWholeTransaction() {
    Caller caller = caller(Set.of("system/Communication.rs"));
    Verdict verdict =
        policy.check(
            caller,
            List.of(
                new RequestedAccess.Access("Communication", SmartAction.READ),
                new RequestedAccess.Access("Task", SmartAction.CREATE),
                new RequestedAccess.Access("Task", SmartAction.CREATE),
                new RequestedAccess.Access("Patient", SmartAction.UPDATE)));

    assertThat(verdict.violations())
        .extracting(v -> v.message().replaceAll(".*requires ", ""))
        .containsExactly("system/Task.c", "system/Patient.u");
  }

  @Test
  void includedResourcesAreSeenWithReadOrSearchOnTheirType() {
    Caller caller = caller(Set.of("system/Communication.s", "system/Patient.r", "system/Task.c"));

    assertThat(policy.maySee(caller, "Communication")).isTrue();
    assertThat(policy.maySee(caller, "Patient")).isTrue();
    assertThat(policy.maySee(caller, "Task")).isFalse();
  }

  @Test
  void nothingToCheckIsAllowed() {
    assertThat(policy.check(caller(Set.of()), List.of()).isAllowed()).isTrue();
  }

  @Nested
  class ScopesThatGrantNothingHere {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "system/Task.rs?status=requested", // restricted by search parameters: not enforced, so not granted
          "patient/Task.rs", // not a backend-services scope
          "user/Task.cruds",
          "system/Task.sr", // v2 letters out of order
          "system/Task.x",
          "launch/patient",
          "openid"
        })
    void aScopeOutsideTheGrammarAllowsNothing(String scope) {
      assertThat(check(Set.of(scope), "Task", SmartAction.READ).isAllowed()).isFalse();
    }
  }

  private Verdict check(Set<String> scopes, String type, SmartAction action) {
    return policy.check(caller(scopes), List.of(new RequestedAccess.Access(type, action)));
  }

  private static Caller caller(Set<String> scopes) {
    return new Caller("gp-nordvej", PartyRole.GP, "Organization/gp-clinic-nordvej", null, scopes);
  }
}
