package dk.kfgateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.ReferralFixture;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A referral that brings a citizen the gateway did not know is labelled from what its transaction stored, without
 * reading the case file back (bkg 2019 §3: isolation in the query): the labels it commits must be exactly those a
 * reading of the stored file gives, for every resource of the file, the Binary included. They are foreseen from the
 * Bundle before anything is stored ({@link LabelForecast}), so that the relabelling before commit has nothing to write.
 */
class LabellingANewCitizensReferralTest extends GatewayIntegrationTest {

  @Autowired private Labeller labeller;
  @Autowired private LabelForecast forecast;
  @Autowired private DaoRegistry daos;

  @Test
  void everyResourceOfTheNewCitizensFileCarriesTheLabelsAReadingOfTheFileGives() {
    ReferralFixture referral = Referrals.withLastDocumentInABinary(ReferralFixture.referral("le275-certificate"));
    Bundle answer = fhirAs("holbaek-jobcenter").transaction().withBundle(referral.bundle()).execute();
    String citizen = Referrals.location(answer, "Patient");

    Map<String, Set<String>> wanted = labeller.labelsNow(citizen);

    assertThat(wanted.keySet()).as("the whole file").contains(citizen, Referrals.location(answer, "Task"),
        Referrals.location(answer, "ServiceRequest"), Referrals.location(answer, "Consent"),
        Referrals.location(answer, "DocumentReference"), Referrals.location(answer, "Binary"));
    assertThat(wanted.get(citizen)).contains("municipality-holbaek");
    wanted.forEach((id, labels) -> assertThat(AccessLabels.of(stored(id))).as(id).isEqualTo(labels));
  }

  @Test
  void theLabelsForeseenFromTheBundleAreThoseItCommits() {
    ReferralFixture referral = Referrals.withLastDocumentInABinary(ReferralFixture.referral("le275-certificate"));
    Bundle sent = referral.bundle();
    Referrals.binaryNamesItsDocument(sent);
    Map<IBaseResource, Set<String>> foreseen = forecast.forecast(sent);

    Bundle answer = fhirAs("holbaek-jobcenter").transaction().withBundle(sent).execute();

    assertThat(foreseen).as("every entry foreseen").hasSize(sent.getEntry().size());
    for (int i = 0; i < sent.getEntry().size(); i++) {
      String location = answer.getEntry().get(i).getResponse().getLocation().replaceFirst("/_history/.*", "");
      assertThat(foreseen.get(sent.getEntry().get(i).getResource())).as(location)
          .isEqualTo(AccessLabels.of(stored(location))).isEqualTo(labeller.labelsNow(
              Referrals.location(answer, "Patient")).get(location));
    }
  }

  private IBaseResource stored(String id) {
    IdType type = new IdType(id);
    return daos.getResourceDao(type.getResourceType()).read(type, new SystemRequestDetails());
  }
}
