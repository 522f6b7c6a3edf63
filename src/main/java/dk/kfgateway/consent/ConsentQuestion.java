package dk.kfgateway.consent;

import java.time.Instant;
import java.util.Objects;

/**
 * What the gateway asks before health information about a citizen changes hands: may this organisation (and this
 * person, when known) have the citizen's information for this purpose at this moment?
 *
 * @param patient the citizen, e.g. {@code Patient/citizen-karen}
 * @param organization the party asking, e.g. {@code Organization/kf-region-sjaelland}
 * @param practitionerRole the person asking ({@code PractitionerRole/...}), or null
 * @param purpose a kf-consent-purposes code: {@link ConsentCodes#INFORMATION_EXCHANGE}, {@link ConsentCodes#GP_CONTACT}
 *     or {@link ConsentCodes#SAME_PERSON}
 * @param at the moment the answer is for
 */
public record ConsentQuestion(String patient, String organization, String practitionerRole, String purpose, Instant at) {

  public ConsentQuestion {
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(at, "at");
  }
}
