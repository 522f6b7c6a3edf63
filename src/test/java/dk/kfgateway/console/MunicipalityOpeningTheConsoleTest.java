package dk.kfgateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The console's secretariat pages are for the secretariat: a municipality's caseworker who signs in gets 403, in the
 * browser and over HTTP, and so does a municipality's system; the administrator's pages are the administrator's.
 * The API behind them decides again by its allow-list, whatever a page shows.
 */
class MunicipalityOpeningTheConsoleTest extends ConsoleHttpTest {

  @Test
  void aMunicipalitysCaseworkerCannotOpenTheSecretariatsPages() {
    try (Browser caseworker = Browser.open(consoleBase())) {
      caseworker.signIn("mette", "mette-demo", "Mette Jensen");
      caseworker.go("/console/#/worklist");
      String alert = caseworker.waitFor(By.cssSelector("#main .error[role=alert]")).getText();
      assertThat(alert).contains("403", "SECRETARIAT", "MUNICIPALITY");
      assertThat(caseworker.driver().findElements(By.id("worklist"))).isEmpty();
      caseworker.screenshot("12-municipality-refused");

      assertThat(page("secretariat", caseworker.token()).statusCode()).isEqualTo(403);
    }
  }

  @Test
  void eachRolesPagesAreForThatRoleOnly() {
    assertThat(page("secretariat", tokens.of(MUNICIPALITY)).statusCode()).isEqualTo(403);
    assertThat(page("secretariat", tokens.of(CLINIC)).statusCode()).isEqualTo(403);
    assertThat(page("administrator", tokens.of("kf-sjaelland-secretariat")).statusCode()).isEqualTo(403);
    assertThat(page("secretariat", null).statusCode()).isEqualTo(401);
    HttpResponse<String> allowed = page("secretariat", tokens.of("kf-sjaelland-secretariat"));
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.body()).contains("id=\"worklist\"");
    assertThat(page("administrator", tokens.of("gateway-admin")).body()).contains("id=\"audit-results\"");
  }

  private HttpResponse<String> page(String view, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(consoleBase() + "/console/pages/" + view));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return dk.kfgateway.support.Exchanges.send(http, request.build());
  }
}
