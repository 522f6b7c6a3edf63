package dk.kfgateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The consent policy on its own: which consent a decision relies on, and which rule refuses when none fits. */
class DecidingOnTheCitizensConsentTest {

  static final String CLINIC = "Organization/kf-region-sjaelland";
  static final String MUNICIPALITY = "Organization/municipality-holbaek";
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  static final ConsentPolicy POLICY = ConsentPolicy.standard();

  static Consent consent(String id) {
    Consent consent = new Consent().setStatus(Consent.ConsentState.ACTIVE);
    consent.setId("Consent/" + id);
    consent.setPatient(new Reference("Patient/karen")).setDateTime(Date.from(NOW.minusSeconds(86400)));
    consent.setSource(new Reference("DocumentReference/form"));
    consent.addPolicy().setUri(ConsentCodes.SPECIFIC_WORDING);
    Consent.ProvisionComponent provision = consent.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
    provision.getPeriod().setStart(Date.from(NOW.minusSeconds(86400))).setEnd(Date.from(NOW.plusSeconds(86400 * 365)));
    provision.addActor().setReference(new Reference(MUNICIPALITY));
    provision.addActor().setReference(new Reference(CLINIC));
    provision.addPurpose(new Coding(ConsentCodes.PURPOSES, ConsentCodes.INFORMATION_EXCHANGE, null));
    return consent;
  }

  static ConsentQuestion clinicAsks(String purpose) {
    return new ConsentQuestion("Patient/karen", CLINIC, null, purpose, NOW);
  }

  @Test
  void a_consent_in_force_naming_the_clinic_permits_and_is_the_one_relied_on() {
    ConsentDecision decision = POLICY.decide(List.of(consent("c1")), clinicAsks(ConsentCodes.INFORMATION_EXCHANGE), true);

    assertThat(decision.permit()).isTrue();
    assertThat(decision.consent()).contains("Consent/c1");
    assertThat(decision.rule().id()).isEqualTo("CONS-003");
  }

  @Test
  void the_newest_fitting_consent_is_relied_on() {
    Consent older = consent("old");
    older.setDateTime(Date.from(NOW.minusSeconds(86400 * 30)));

    ConsentDecision decision =
        POLICY.decide(List.of(older, consent("new")), clinicAsks(ConsentCodes.INFORMATION_EXCHANGE), false);

    assertThat(decision.consent()).contains("Consent/new");
  }

  @Test
  void written_gp_contact_consent_permits_contacting_the_gp() {
    Consent consent = consent("c1");
    consent.addExtension(ConsentCodes.EXT_GP_CONTACT, new BooleanType(true));

    ConsentDecision decision = POLICY.decide(List.of(consent), clinicAsks(ConsentCodes.GP_CONTACT), false);

    assertThat(decision.permit()).isTrue();
    assertThat(decision.rule().id()).isEqualTo("CONS-004");
  }

  @Nested
  class Denied {

    @Test
    void when_there_is_no_consent_at_all() {
      ConsentDecision decision = POLICY.decide(List.of(), clinicAsks(ConsentCodes.INFORMATION_EXCHANGE), false);

      assertThat(decision.permit()).isFalse();
      assertThat(decision.rule().id()).isEqualTo("CONS-001");
      assertThat(decision.consent()).isEmpty();
    }

    @Test
    void when_the_consent_is_withdrawn() {
      Consent withdrawn = consent("c1").setStatus(Consent.ConsentState.INACTIVE);

      ConsentDecision decision = POLICY.decide(List.of(withdrawn), clinicAsks(ConsentCodes.INFORMATION_EXCHANGE), false);

      assertThat(decision.rule().id()).isEqualTo("CONS-001");
      assertThat(decision.reasons()).singleElement().asString().contains("Consent/c1", "status is inactive");
    }

    @Test
    void when_the_consent_period_has_ended() {
      Consent ended = consent("c1");
      ended.getProvision().getPeriod().setEnd(Date.from(NOW.minusSeconds(3600 * 48)));

      ConsentDecision decision = POLICY.decide(List.of(ended), clinicAsks(ConsentCodes.INFORMATION_EXCHANGE), false);

      assertThat(decision.rule().id()).isEqualTo("CONS-001");
      assertThat(decision.reasons().get(0)).contains("does not cover");
    }

    @Test
    void when_the_consent_is_not_documented_by_form_or_journal_note() {
      Consent undocumented = consent("c1");
      undocumented.setSource(null);

      ConsentDecision decision =
          POLICY.decide(List.of(undocumented), clinicAsks(ConsentCodes.INFORMATION_EXCHANGE), false);

      assertThat(decision.rule().id()).isEqualTo("CONS-001");
    }

    @Test
    void when_the_asking_party_is_not_among_those_allowed_to_exchange() {
      ConsentDecision decision = POLICY.decide(List.of(consent("c1")),
          new ConsentQuestion("Patient/karen", "Organization/kf-region-midtjylland", null,
              ConsentCodes.INFORMATION_EXCHANGE, NOW), false);

      assertThat(decision.rule().id()).isEqualTo("CONS-002");
      assertThat(decision.reasons().get(0)).contains("kf-region-midtjylland is not among the parties");
    }

    @Test
    void when_an_le275_request_has_only_a_general_wording() {
      Consent general = consent("c1");
      general.getPolicyFirstRep().setUri("http://kf-gateway.dk/fhir/consent-wording/kommunens-egen-blanket");

      ConsentDecision decision = POLICY.decide(List.of(general), clinicAsks(ConsentCodes.INFORMATION_EXCHANGE), true);

      assertThat(decision.rule().id()).isEqualTo("CONS-003");
      assertThat(decision.reasons().get(0)).contains("not the specific wording");
    }

    @Test
    void when_the_gp_is_to_be_contacted_without_written_consent() {
      ConsentDecision decision = POLICY.decide(List.of(consent("c1")), clinicAsks(ConsentCodes.GP_CONTACT), false);

      assertThat(decision.rule().id()).isEqualTo("CONS-004");
    }

    @Test
    void the_nearest_consent_names_the_rule() {
      Consent withdrawn = consent("old").setStatus(Consent.ConsentState.INACTIVE);
      Consent general = consent("new");
      general.getPolicyFirstRep().setUri("http://kf-gateway.dk/fhir/consent-wording/kommunens-egen-blanket");

      ConsentDecision decision =
          POLICY.decide(List.of(withdrawn, general), clinicAsks(ConsentCodes.INFORMATION_EXCHANGE), true);

      assertThat(decision.rule().id()).isEqualTo("CONS-003");
      assertThat(decision.reasons()).hasSize(2);
    }
  }
}
