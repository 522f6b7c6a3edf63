package dk.kfgateway.settlement;

import static dk.kfgateway.support.Exchanges.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Only the secretariat of the agreement's region (or the administrator) issues a municipality's invoice, and only to a
 * municipality (SET-014, bkg 2019 §19). The allow-list lets every secretariat call {@code $settle}; which region's
 * agreements it settles is this rule's. A month long over, that no other test settles: nothing may be issued.
 */
class WhoIssuesAMunicipalitysInvoiceTest extends GatewayIntegrationTest {

  private static final String MONTH = "2025-11";

  @Test
  void theSecretariatOfAnotherRegionCannotSettleHolbaeksMonth() {
    HttpResponse<String> answer = settle(OTHER_SECRETARIAT, "Organization/municipality-holbaek");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    assertThat(ruleIds(answer)).containsExactly("SET-014");
    assertThat(answer.body()).contains("Only the secretariat of Organization/kf-region-sjaelland");
    assertThat(send("GET", "/Invoice/settlement-municipality-holbaek-" + MONTH, null).statusCode()).isEqualTo(404);
  }

  @Test
  void theRegionsSecretariatCannotInvoiceAnOrganisationThatIsNoMunicipality() {
    HttpResponse<String> answer = settle(SettlementCases.SECRETARIAT, "Organization/kf-region-sjaelland");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
    assertThat(ruleIds(answer)).containsExactly("SET-014");
    assertThat(answer.body()).contains("is not a municipality");
  }

  private HttpResponse<String> settle(String client, String organisation) {
    return sendAs(client, "POST", "/" + organisation + "/$settle", SettlementCases.parameter("month", MONTH));
  }
}
