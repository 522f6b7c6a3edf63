package dk.kfgateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.IgExamples;
import dk.kfgateway.support.ReferralFixture;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Roskilde refers a citizen that Holbæk has already referred (the referral's conditional create by CPR matches
 * Holbæk's citizen): the referral succeeds exactly as for a citizen nobody knows, links to the one stored citizen,
 * which Roskilde sees from then on, and its answer tells nothing of the earlier case; a referral that fails for another
 * reason fails with the same answer whether the CPR was known or not (README "One citizen, several municipalities").
 */
class SecondMunicipalityReferringAKnownCitizenTest extends GatewayIntegrationTest {

  private static final String HOLBAEK = "holbaek-jobcenter";
  private static final String ROSKILDE = "roskilde-jobcenter";

  private String knownCpr;
  private String holbaeksCitizen;

  @BeforeEach
  void holbaekHasReferredTheCitizen() {
    ReferralFixture holbaek = ReferralFixture.referral("le275-certificate");
    knownCpr = holbaek.cpr();
    holbaeksCitizen = Referrals.location(
        fhirAs(HOLBAEK).transaction().withBundle(holbaek.bundle()).execute(), "Patient");
  }

  @Test
  void theReferralLinksToTheStoredCitizenWhichRoskildeSeesFromThenOn() {
    assertThat(sendAs(ROSKILDE, "GET", "/" + holbaeksCitizen, null).statusCode()).isEqualTo(404);

    HttpResponse<String> response = refer(knownCpr, r -> { });

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Referrals.location(bundle(response), "Patient")).isEqualTo(holbaeksCitizen);
    assertThat(sendAs(ROSKILDE, "GET", "/" + holbaeksCitizen, null).statusCode()).isEqualTo(200);
    assertThat(sendAs(HOLBAEK, "GET", "/" + holbaeksCitizen, null).statusCode()).isEqualTo(200);
  }

  @Test
  void theCitizensEntryOfTheAnswerReadsAsForACitizenNobodyKnew() {
    Bundle.BundleEntryResponseComponent known = citizenEntry(refer(knownCpr, r -> { }));
    Bundle.BundleEntryResponseComponent unknown = citizenEntry(refer(IgExamples.fictionalCpr(), r -> { }));

    assertThat(known.getStatus()).isEqualTo("201 Created").isEqualTo(unknown.getStatus());
    assertThat(known.hasOutcome()).isFalse();
    assertThat(unknown.hasOutcome()).isFalse();
    assertThat(shape(known)).isEqualTo(shape(unknown));
  }

  @Test
  void aReferralRefusedByIntakeFailsAlikeForAKnownAndAnUnknownCitizen() {
    assertFailsAlike(r -> r.document("le265", "Hello", "hello world".getBytes()));
  }

  @Test
  void aReferralOnBehalfOfAnotherMunicipalityFailsAlikeForAKnownAndAnUnknownCitizen() {
    assertFailsAlike(r -> {
      r.serviceRequest().setRequester(new Reference(ReferralFixture.CASEWORKER));
      r.task().setRequester(new Reference(ReferralFixture.CASEWORKER));
    });
  }

  private void assertFailsAlike(Consumer<ReferralFixture> breaking) {
    HttpResponse<String> known = refer(knownCpr, breaking);
    HttpResponse<String> unknown = refer(IgExamples.fictionalCpr(), breaking);

    assertThat(known.statusCode()).as(known.body()).isBetween(400, 499).isEqualTo(unknown.statusCode());
    assertThat(known.body()).isEqualTo(unknown.body());
    assertThat(sendAs(ROSKILDE, "GET", "/" + holbaeksCitizen, null).statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> refer(String cpr, Consumer<ReferralFixture> change) {
    ReferralFixture referral = Referrals.forCitizen(Referrals.fromRoskilde("le275-certificate"), cpr);
    change.accept(referral);
    return sendAs(ROSKILDE, "POST", "", FHIR.newJsonParser().encodeResourceToString(referral.bundle()));
  }

  private static Bundle bundle(HttpResponse<String> response) {
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body());
  }

  private static Bundle.BundleEntryResponseComponent citizenEntry(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return bundle(response).getEntryFirstRep().getResponse();
  }

  /** What the entry says, but for the values that differ between any two citizens. */
  private static List<String> shape(Bundle.BundleEntryResponseComponent entry) {
    return List.of(entry.getStatus(), entry.getLocation().replaceAll("Patient/[^/]+/_history/", "Patient/x/_history/"),
        String.valueOf(entry.hasEtag()), String.valueOf(entry.hasLastModified()));
  }
}
