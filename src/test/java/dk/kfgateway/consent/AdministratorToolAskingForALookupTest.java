package dk.kfgateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Only the clinic owning the task asks to look the citizen up (CONS-006, bkg 2019 §3). Another region's clinic meets
 * tenant isolation first (404) and a municipality its allow-list (SEC-008); CONS-006 still refuses a client neither
 * restricts, such as an administrator's data-migration tool, which sees every case but owns none.
 */
class AdministratorToolAskingForALookupTest extends ConsentHttpTest {

  @Test
  void aToolThatSeesTheCaseButDoesNotOwnItIsRefused() {
    Case referral = refer("le275-certificate");

    HttpResponse<String> response = sendAs(TEST_CLIENT, "GET", "/Task/" + referral.task() + "/$authorize-lookup", null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(ruleIds(response)).containsExactly("CONS-006");
    assertThat(response.body()).contains("Organization/kf-region-sjaelland").doesNotContain("permit");
  }
}
