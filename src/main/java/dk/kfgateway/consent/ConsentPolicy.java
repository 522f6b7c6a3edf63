package dk.kfgateway.consent;

import dk.kfgateway.rules.RuleRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * Decides a {@link ConsentQuestion} from the citizen's Consents (samtykke): the consent relied on must be active, a
 * permit, in its period at the moment asked, documented (signed form or journal note), name the asking party among
 * the parties that may exchange (the municipality, Klinisk Funktion, its coordinators) and the purpose; for LÆ 275 and
 * lægeskøn it must carry the specific wording; for contact with the GP the citizen's written consent to that.
 *
 * <p>Pure: the consents and the moment come in, a decision goes out. The newest fitting consent is the one relied on.
 */
public final class ConsentPolicy {

  /** What a consent can fall short of, from the most basic to the most specific. */
  private enum Gap { NOT_IN_FORCE, PARTY_OR_PURPOSE, WORDING, GP_CONTACT }

  private final Set<String> specificWordings;

  public ConsentPolicy(Set<String> specificWordings) {
    this.specificWordings = Set.copyOf(specificWordings);
  }

  public static ConsentPolicy standard() {
    return new ConsentPolicy(Set.of(ConsentCodes.SPECIFIC_WORDING));
  }

  /**
   * @param consents the citizen's stored consents (and those arriving with the request)
   * @param specificWording true when the service needs the standard form's wording (LÆ 275, lægeskøn)
   */
  public ConsentDecision decide(List<Consent> consents, ConsentQuestion question, boolean specificWording) {
    boolean gpContact = ConsentCodes.GP_CONTACT.equals(question.purpose());
    RuleRef permitRule = gpContact ? ConsentRules.WRITTEN_GP_CONSENT
        : specificWording ? ConsentRules.SPECIFIC_WORDING : ConsentRules.CONSENT_IN_FORCE;
    if (consents.isEmpty()) {
      return new ConsentDecision(false, List.of("The gateway holds no consent of " + question.patient()),
          Optional.empty(), ConsentRules.CONSENT_IN_FORCE);
    }
    List<String> reasons = new ArrayList<>();
    EnumSet<Gap> nearest = null;
    Consent relied = null;
    for (Consent consent : newestFirst(consents)) {
      List<String> lines = new ArrayList<>();
      EnumSet<Gap> gaps = gaps(consent, question, specificWording, gpContact, lines);
      if (gaps.isEmpty() && relied == null) {
        relied = consent;
      } else if (!gaps.isEmpty()) {
        reasons.add(name(consent) + ": " + String.join(", ", lines));
        nearest = nearest == null || rank(gaps) > rank(nearest) ? gaps : nearest;
      }
    }
    if (relied != null) {
      return new ConsentDecision(true,
          List.of(name(relied) + " (" + wording(relied) + ") is in force for " + asker(question) + ", purpose "
              + question.purpose()),
          Optional.ofNullable(storedId(relied)), permitRule);
    }
    return new ConsentDecision(false, reasons, Optional.empty(), ruleFor(nearest));
  }

  private EnumSet<Gap> gaps(
      Consent consent, ConsentQuestion question, boolean specificWording, boolean gpContact, List<String> lines) {
    EnumSet<Gap> gaps = EnumSet.noneOf(Gap.class);
    Instant at = question.at();
    if (consent.getStatus() != ConsentState.ACTIVE) {
      gaps.add(Gap.NOT_IN_FORCE);
      lines.add("status is " + (consent.getStatus() == null ? "missing" : consent.getStatus().toCode()));
    }
    if (consent.getProvision().getType() != Consent.ConsentProvisionType.PERMIT) {
      gaps.add(Gap.NOT_IN_FORCE);
      lines.add("it does not permit (provision.type)");
    }
    Period period = consent.getProvision().getPeriod();
    if ((period.getStart() != null && at.isBefore(period.getStart().toInstant()))
        || (period.getEnd() != null && at.isAfter(endOf(period)))) {
      gaps.add(Gap.NOT_IN_FORCE);
      lines.add("its period " + period.getStartElement().getValueAsString() + " to "
          + period.getEndElement().getValueAsString() + " does not cover " + at);
    }
    if (!consent.hasSource()) {
      gaps.add(Gap.NOT_IN_FORCE);
      lines.add("it is documented by neither the signed form nor a journal note");
    }
    if (!namesParty(consent, question)) {
      gaps.add(Gap.PARTY_OR_PURPOSE);
      lines.add(asker(question) + " is not among the parties allowed to exchange (provision.actor)");
    }
    if (!gpContact && !hasPurpose(consent, question.purpose())) {
      gaps.add(Gap.PARTY_OR_PURPOSE);
      lines.add("purpose " + question.purpose() + " is not given (provision.purpose)");
    }
    if (specificWording && consent.getPolicy().stream().noneMatch(p -> specificWordings.contains(p.getUri()))) {
      gaps.add(Gap.WORDING);
      lines.add("its wording " + wording(consent) + " is not the specific wording of the standard form ("
          + String.join(", ", specificWordings) + ")");
    }
    if (gpContact && !writtenGpConsent(consent)) {
      gaps.add(Gap.GP_CONTACT);
      lines.add("it holds no written consent to contact the GP (extension kf-gp-contact-consent)");
    }
    return gaps;
  }

  /** A period's end given as a date covers that whole day. */
  private static Instant endOf(Period period) {
    Instant end = period.getEnd().toInstant();
    return period.getEndElement().getPrecision().ordinal() <= ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY.ordinal()
        ? end.plus(java.time.Duration.ofDays(1)).minusMillis(1)
        : end;
  }

  private static boolean namesParty(Consent consent, ConsentQuestion question) {
    return consent.getProvision().getActor().stream()
        .map(actor -> target(actor.getReference()))
        .anyMatch(actor -> actor.equals(question.organization()) || actor.equals(question.practitionerRole()));
  }

  private static boolean hasPurpose(Consent consent, String purpose) {
    return consent.getProvision().getPurpose().stream()
        .anyMatch(p -> ConsentCodes.PURPOSES.equals(p.getSystem()) && purpose.equals(p.getCode()));
  }

  static boolean writtenGpConsent(Consent consent) {
    return consent.getExtension().stream()
        .anyMatch(e -> ConsentCodes.EXT_GP_CONTACT.equals(e.getUrl()) && e.getValue() instanceof BooleanType b
            && b.booleanValue());
  }

  /** The most specific gap of the nearest consent names the rule: only the wording missing is CONS-003, etc. */
  private static RuleRef ruleFor(EnumSet<Gap> gaps) {
    if (gaps == null || gaps.contains(Gap.NOT_IN_FORCE)) {
      return ConsentRules.CONSENT_IN_FORCE;
    }
    if (gaps.contains(Gap.PARTY_OR_PURPOSE)) {
      return ConsentRules.PARTY_AND_PURPOSE;
    }
    return gaps.contains(Gap.WORDING) ? ConsentRules.SPECIFIC_WORDING : ConsentRules.WRITTEN_GP_CONSENT;
  }

  /** Higher is nearer to fitting: a consent lacking only the wording beats one that is not in force. */
  private static int rank(EnumSet<Gap> gaps) {
    return gaps.stream().mapToInt(Enum::ordinal).min().orElse(Integer.MAX_VALUE);
  }

  private static List<Consent> newestFirst(List<Consent> consents) {
    return consents.stream()
        .sorted(Comparator.comparing((Consent c) -> c.getDateTime() == null ? Instant.MIN : c.getDateTime().toInstant())
            .reversed())
        .toList();
  }

  private static String target(Reference reference) {
    return reference == null || !reference.hasReference() ? ""
        : reference.getReferenceElement().toUnqualifiedVersionless().getValue();
  }

  private static String asker(ConsentQuestion question) {
    return question.practitionerRole() == null ? question.organization()
        : question.organization() + " (" + question.practitionerRole() + ")";
  }

  private static String wording(Consent consent) {
    return consent.getPolicy().isEmpty() ? "no wording" : consent.getPolicyFirstRep().getUri();
  }

  private static String name(Consent consent) {
    String id = storedId(consent);
    return id != null ? id : "the Consent of this request";
  }

  /** "Consent/x" of a stored consent; null for one that is only in the request (a urn:uuid entry). */
  private static String storedId(Consent consent) {
    if (!consent.getIdElement().hasIdPart() || consent.getIdElement().getValue().startsWith("urn:")) {
      return null;
    }
    return "Consent/" + consent.getIdElement().getIdPart();
  }
}
