package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pure tenant rules: who sees which case data, and on whose behalf a party may write. */
class TenantPolicyTest {

  static final String HOLBAEK = "Organization/municipality-holbaek";
  static final String KALUNDBORG = "Organization/municipality-kalundborg";
  static final String SJAELLAND = "Organization/kf-region-sjaelland";
  static final String NORDVEJ = "Organization/gp-clinic-nordvej";

  final TenantPolicy policy = new TenantPolicy();
  final Task task = new Task().setRequester(new Reference("PractitionerRole/caseworker-holbaek"))
      .setOwner(new Reference(SJAELLAND));

  /** Facts as storage would give them: the caseworker works for Holbæk; the task is Holbæk's to Sjælland. */
  final TenancyFacts facts = new TenancyFacts() {
    final Map<String, String> people = Map.of("PractitionerRole/caseworker-holbaek", HOLBAEK);

    @Override
    public Optional<String> organisationOf(String reference) {
      return reference.startsWith("Organization/") ? Optional.of(reference) : Optional.ofNullable(people.get(reference));
    }

    @Override
    public CaseParties partiesOf(IBaseResource resource, PartyRole role) {
      if (resource instanceof Communication) {
        return new CaseParties(Set.of(), Set.of(SJAELLAND), Set.of(NORDVEJ), Set.of());
      }
      return new CaseParties(Set.of(HOLBAEK), Set.of(SJAELLAND), Set.of(), Set.of());
    }

    @Override
    public CaseParties partiesOf(String reference, PartyRole role) {
      return partiesOf(new Task(), role);
    }
  };

  static Caller caller(PartyRole role, String organisation) {
    return new Caller("client", role, organisation, null, Set.of());
  }

  @Test
  void theRequestingMunicipalityAndTheOwningClinicSeeTheCase() {
    assertThat(policy.maySee(caller(PartyRole.MUNICIPALITY, HOLBAEK), task, facts).isAllowed()).isTrue();
    assertThat(policy.maySee(caller(PartyRole.CLINIC, SJAELLAND), task, facts).isAllowed()).isTrue();
    assertThat(policy.maySee(caller(PartyRole.SECRETARIAT, SJAELLAND), task, facts).isAllowed()).isTrue();
  }

  @Test
  void anotherMunicipalityAGpAndTheAdministratorDoNot() {
    assertThat(policy.maySee(caller(PartyRole.MUNICIPALITY, KALUNDBORG), task, facts).breaks("SEC-004")).isTrue();
    assertThat(policy.maySee(caller(PartyRole.GP, NORDVEJ), task, facts).breaks("SEC-004")).isTrue();
    assertThat(policy.maySee(caller(PartyRole.ADMINISTRATOR, "Organization/ops"), task, facts).breaks("SEC-004"))
        .isTrue();
  }

  @Test
  void aGpSeesTheCopyAddressedToItButNotAnotherGp() {
    Communication copy = new Communication();
    assertThat(policy.maySee(caller(PartyRole.GP, NORDVEJ), copy, facts).isAllowed()).isTrue();
    assertThat(policy.maySee(caller(PartyRole.GP, "Organization/gp-clinic-strandvej"), copy, facts).breaks("SEC-004"))
        .isTrue();
  }

  @Test
  void onlyTheAdministratorSeesTheAuditTrailAndEveryoneTheDirectory() {
    assertThat(policy.maySee(caller(PartyRole.ADMINISTRATOR, "Organization/ops"), new AuditEvent(), facts).isAllowed())
        .isTrue();
    assertThat(policy.maySee(caller(PartyRole.CLINIC, SJAELLAND), new AuditEvent(), facts).breaks("SEC-004")).isTrue();
    assertThat(policy.maySee(caller(PartyRole.GP, NORDVEJ), new Organization(), facts).isAllowed()).isTrue();
  }

  @Nested
  class Writing {

    @Test
    void aReferralNamesOneOfTheMunicipalitysOwnPeopleAsRequester() {
      ServiceRequest own = new ServiceRequest().setRequester(new Reference("PractitionerRole/caseworker-holbaek"));

      assertThat(policy.mayWrite(caller(PartyRole.MUNICIPALITY, HOLBAEK), own, facts, true).isAllowed()).isTrue();
      assertThat(policy.mayWrite(caller(PartyRole.MUNICIPALITY, KALUNDBORG), own, facts, true).breaks("SEC-005"))
          .isTrue();
    }

    @Test
    void aConsentNamesOnlyTheCallersOrganisation() {
      Consent both = new Consent().addOrganization(new Reference(HOLBAEK)).addOrganization(new Reference(KALUNDBORG));

      assertThat(policy.mayWrite(caller(PartyRole.MUNICIPALITY, HOLBAEK), both, facts, true).breaks("SEC-005"))
          .isTrue();
    }

    @Test
    void aCopyIsSentOnlyByTheCallersClinic() {
      Communication copy = new Communication().setSender(new Reference("Organization/kf-region-midtjylland"));

      assertThat(policy.mayWrite(caller(PartyRole.CLINIC, SJAELLAND), copy, facts, true).breaks("SEC-005")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Task?owner=Organization/kf-region-sjaelland&status=requested",
        "Communication?sender=Organization/kf-region-sjaelland"})
    void theClinicSubscribesToItsOwnCases(String criteria) {
      assertThat(policy.mayWrite(caller(PartyRole.CLINIC, SJAELLAND), subscription(criteria), facts, true).isAllowed())
          .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Task?status=requested", "Task?owner=Organization/kf-region-midtjylland",
        "Task?owner=Organization/kf-region-sjaelland,Organization/kf-region-midtjylland",
        "Task?owner:missing=true&owner=Organization/kf-region-midtjylland", "Patient?_id=1", "Task"})
    void butNotToAnyoneElses(String criteria) {
      assertThat(policy.mayWrite(caller(PartyRole.CLINIC, SJAELLAND), subscription(criteria), facts, true)
          .breaks("SEC-006")).isTrue();
    }

    @Test
    void aMunicipalitySubscribesByItsCaseworkerAndAGpByItsClinic() {
      assertThat(policy.mayWrite(caller(PartyRole.MUNICIPALITY, HOLBAEK),
          subscription("Task?requester=PractitionerRole/caseworker-holbaek"), facts, true).isAllowed()).isTrue();
      assertThat(policy.mayWrite(caller(PartyRole.GP, NORDVEJ),
          subscription("Communication?recipient=" + NORDVEJ), facts, true).isAllowed()).isTrue();
      assertThat(policy.mayWrite(caller(PartyRole.GP, NORDVEJ),
          subscription("Communication?recipient=Organization/gp-clinic-strandvej"), facts, true).breaks("SEC-006"))
          .isTrue();
    }

    private Subscription subscription(String criteria) {
      return new Subscription().setCriteria(criteria);
    }
  }
}
