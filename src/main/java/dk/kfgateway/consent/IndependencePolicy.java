package dk.kfgateway.consent;

import dk.kfgateway.rules.Verdict;
import java.util.Set;

/**
 * Independence of the health coordinator (inhabilitet): a coordinator does not advise in a case of a citizen whose GP
 * they are or were, or whom they treat or treated (bkg 2019 §12 stk. 2, IND-001); the same person takes a second role
 * in the citizen's cases (the Klinisk Funktion assessment after being coordinator, or coordinator in another of the
 * citizen's cases) only if the citizen agreed (§13 stk. 3, §26 stk. 7, IND-002).
 *
 * <p>Pure: everything is given as Practitioner references ({@code Practitioner/x}).
 */
public final class IndependencePolicy {

  private static final String LOCATION = "Task.owner";

  /**
   * @param practitioner the person behind the coordinator being assigned
   * @param citizensGps the persons behind Patient.generalPractitioner
   * @param treating the persons the clinic declared as treating or having treated the citizen (kf-treating-practitioner)
   * @param otherRoles the persons who own or owned another task of the same citizen
   * @param citizenAgreed a consent in force with the purpose same-person
   */
  public Verdict check(
      String practitioner, Set<String> citizensGps, Set<String> treating, Set<String> otherRoles, boolean citizenAgreed) {
    if (citizensGps.contains(practitioner)) {
      return Verdict.refused(ConsentRules.COORDINATOR_INDEPENDENT, practitioner + " is the citizen's GP"
          + " (Patient.generalPractitioner) and cannot be the coordinator in the case; assign another coordinator.",
          LOCATION);
    }
    if (treating.contains(practitioner)) {
      return Verdict.refused(ConsentRules.COORDINATOR_INDEPENDENT, practitioner + " treats or treated the citizen"
          + " (kf-treating-practitioner) and cannot be the coordinator in the case; assign another coordinator.",
          LOCATION);
    }
    if (otherRoles.contains(practitioner) && !citizenAgreed) {
      return Verdict.refused(ConsentRules.SAME_PERSON_AGREED, practitioner + " already has another role in the"
          + " citizen's cases; the same person may take this one only if the citizen agreed (a consent with purpose "
          + ConsentCodes.SAME_PERSON + ").", LOCATION);
    }
    return Verdict.allowed();
  }
}
