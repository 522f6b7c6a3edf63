package dk.kfgateway.referral;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.ReferralFixture;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * Two referrals of a citizen nobody knew, posted at the same moment (two caseworkers, or two municipalities, after the
 * same CPR): both are stored, on one citizen. The loser of the race for the new citizen (HAPI's unique conditional
 * create) is run again and joins the citizen, instead of answering 409, which would tell that somebody else is
 * referring that CPR right now (guide pkt. 12, one case sent as a whole; one citizen per CPR).
 */
class TwoReferralsOfANewCitizenAtOnceTest extends GatewayIntegrationTest {

  private static final int ROUNDS = 6;

  @Test
  void bothAreStoredOnOneCitizen() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        ReferralFixture first = ReferralFixture.referral("running-case-statement");
        ReferralFixture second = ReferralFixture.referral("le275-certificate");
        second.patient().getIdentifierFirstRep().setValue(first.cpr());
        second.bundle().getEntryFirstRep().getRequest()
            .setIfNoneExist("identifier=urn:oid:1.2.208.176.1.2|" + first.cpr());
        CyclicBarrier together = new CyclicBarrier(2);

        List<HttpResponse<String>> answers = List.of(
            CompletableFuture.supplyAsync(() -> postAt(together, first), threads),
            CompletableFuture.supplyAsync(() -> postAt(together, second), threads))
            .stream().map(CompletableFuture::join).toList();

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
        List<Bundle.BundleEntryComponent> citizens = fhir.search()
            .byUrl("Patient?identifier=urn:oid:1.2.208.176.1.2|" + first.cpr()).returnBundle(Bundle.class).execute()
            .getEntry();
        assertThat(citizens).hasSize(1);
        assertThat(fhir.search().byUrl("ServiceRequest?subject=Patient/"
            + citizens.get(0).getResource().getIdElement().getIdPart()).returnBundle(Bundle.class).execute()
            .getEntry()).hasSize(2);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private HttpResponse<String> postAt(CyclicBarrier together, ReferralFixture referral) {
    try {
      together.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return sendAs("holbaek-jobcenter", "POST", "", FHIR.newJsonParser().encodeResourceToString(referral.bundle()));
  }
}
