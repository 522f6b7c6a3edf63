package dk.kfgateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Date;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** The coordinator discusses the case with the GP only with the citizen's written consent (bkg 2019 §5, §11). */
class ClinicContactingTheGpTest extends ConsentHttpTest {

  @Test
  void without_written_consent_a_message_to_the_gp_is_refused_and_recorded() {
    Case referral = refer("running-case-statement");

    HttpResponse<String> response = post(message(referral, "gp-information"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    assertThat(ruleIds(response)).containsExactly("CONS-004");
    assertThat(response.body()).contains("bkg 2019 §5 stk. 2, §11 stk. 5");
    assertThat(decisions(referral.patient()).get(0).getOutcomeDesc()).contains("CONS-004");
  }

  @Test
  void the_certificate_copy_goes_to_the_gp_without_it() {
    Case referral = refer("running-case-statement");

    HttpResponse<String> response = post(message(referral, "certificate-copy"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  @Test
  void with_written_consent_the_message_goes() {
    Case referral = refer("running-case-statement");
    giveConsent(referral.patient(), ConsentCodes.SPECIFIC_WORDING,
        c -> c.getExtensionByUrl(ConsentCodes.EXT_GP_CONTACT).setValue(new BooleanType(true)));

    HttpResponse<String> response = post(message(referral, "gp-information"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  Communication message(Case referral, String category) {
    Communication message = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED);
    message.addCategory(new CodeableConcept(new Coding(ConsentCodes.COMMUNICATION_CATEGORIES, category, null)));
    message.setSubject(new Reference(referral.patient())).addAbout(new Reference(referral.referral()));
    message.setSent(new Date()).setSender(new Reference("Organization/kf-region-sjaelland"));
    message.addRecipient(new Reference("Organization/gp-clinic-nordvej"));
    message.addPayload().setContent(new Reference(referral.documents().get(0)));
    return message;
  }

  HttpResponse<String> post(Communication message) {
    return sendAs(CLINIC, "POST", "/Communication", FHIR.newJsonParser().encodeResourceToString(message));
  }
}
