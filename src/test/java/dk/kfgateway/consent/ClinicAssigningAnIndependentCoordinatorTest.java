package dk.kfgateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.ig.Ig;
import dk.kfgateway.support.ReferralFixture;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** A coordinator is independent of the citizen (bkg 2019 §12 stk. 2) and takes a second role only if agreed. */
class ClinicAssigningAnIndependentCoordinatorTest extends ConsentHttpTest {

  static final String HOLM = "PractitionerRole/coordinator-holm";

  @Test
  void an_independent_coordinator_is_assigned() {
    Case referral = refer("running-case-statement");

    assertThat(assign(referral.task(), HOLM).statusCode()).isEqualTo(200);
  }

  @Test
  void a_coordinator_who_is_also_a_gp_at_the_citizens_gp_clinic_is_refused() {
    String coordinator = coordinatorWhoIsAlsoGpAt("Organization/gp-clinic-strandvej");
    ReferralFixture fixture = ReferralFixture.referral("running-case-statement");
    fixture.patient().getGeneralPractitioner().clear();
    fixture.patient().addGeneralPractitioner(new Reference("Organization/gp-clinic-strandvej"));
    Case referral = refer(withStoredCitizen(fixture, null));

    HttpResponse<String> response = assign(referral.task(), coordinator);

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(ruleIds(response)).contains("IND-001");
    assertThat(response.body()).contains("bkg 2019 §12 stk. 2", "citizen's GP");
  }

  @Test
  void a_coordinator_the_clinic_declared_as_treating_the_citizen_is_refused() {
    Case referral = refer("running-case-statement");

    HttpResponse<String> response = move(CLINIC, referral.task(), t -> {
      t.addExtension(ConsentCodes.EXT_TREATING_PRACTITIONER, new Reference("Practitioner/anders-holm"));
      t.setOwner(new Reference(HOLM));
    });

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(ruleIds(response)).contains("IND-001");
  }

  @Test
  void the_same_coordinator_on_a_second_case_of_the_citizen_only_with_the_citizens_agreement() {
    Case one = referStored("running-case-statement");
    Case two = refer(withStoredCitizen(ReferralFixture.referral("le275-certificate"), one.patient()));
    assertThat(two.patient()).isEqualTo(one.patient());
    assertThat(assign(one.task(), HOLM).statusCode()).isEqualTo(200);

    HttpResponse<String> refused = assign(two.task(), HOLM);
    giveConsent(one.patient(), ConsentCodes.SPECIFIC_WORDING, c -> c.getProvision()
        .addPurpose(new Coding(ConsentCodes.PURPOSES, ConsentCodes.SAME_PERSON, null)));
    HttpResponse<String> agreed = assign(two.task(), HOLM);

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(ruleIds(refused)).contains("IND-002");
    assertThat(refused.body()).contains("bkg 2019 §13 stk. 3, §26 stk. 7");
    assertThat(agreed.statusCode()).as(agreed.body()).isEqualTo(200);
  }

  HttpResponse<String> assign(String task, String coordinator) {
    return move(CLINIC, task, t -> t.setOwner(new Reference(coordinator)));
  }

  /** A physician who is a coordinator at Klinisk Funktion and also has a GP role at this clinic; returns the role. */
  String coordinatorWhoIsAlsoGpAt(String gpClinic) {
    Practitioner doctor = new Practitioner();
    doctor.addIdentifier().setSystem(Ig.AUTHORISATION_ID).setValue("T" + UUID.randomUUID().toString().substring(0, 4));
    doctor.addName().setFamily("Dobbeltrolle").addGiven("Test");
    String person = fhir.create().resource(doctor).execute().getId().toUnqualifiedVersionless().getValue();
    fhir.create().resource(role(person, gpClinic, "gp")).execute();
    return fhir.create().resource(role(person, ReferralFixture.CLINIC, "health-coordinator")).execute().getId()
        .toUnqualifiedVersionless().getValue();
  }

  static PractitionerRole role(String practitioner, String organization, String code) {
    PractitionerRole role = new PractitionerRole().setActive(true);
    role.setPractitioner(new Reference(practitioner)).setOrganization(new Reference(organization));
    role.addCode(new CodeableConcept(new Coding(Ig.codeSystem(Ig.CS_PRACTITIONER_ROLES), code, null)));
    return role;
  }
}
