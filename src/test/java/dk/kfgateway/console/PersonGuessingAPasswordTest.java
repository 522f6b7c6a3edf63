package dk.kfgateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Guessing a person's password at the console's sign-in form is throttled like guessing a client's secret: after five
 * failures of one user name within the window, even the right password is answered 429 with Retry-After. Only the
 * sign-in keeps a session.
 */
class PersonGuessingAPasswordTest extends ConsoleHttpTest {

  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @Test
  void afterFiveWrongPasswordsEvenTheRightOneIsRefusedForAWhile() throws Exception {
    String csrf = csrfOfTheForm();
    for (int attempt = 1; attempt <= 5; attempt++) {
      HttpResponse<String> wrong = signIn("guessed", "wrong-" + attempt, csrf);
      assertThat(wrong.statusCode()).isEqualTo(302);
      assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/console/sign-in?error");
    }

    HttpResponse<String> right = signIn("guessed", "guessed-demo", csrf);

    assertThat(right.statusCode()).isEqualTo(429);
    assertThat(right.headers().firstValue("Retry-After")).isPresent();
    assertThat(right.body()).contains("Too many failed sign-ins");
  }

  @Test
  void theRightPasswordSignsInAndReturnsToTheConsole() throws Exception {
    HttpResponse<String> signedIn = signIn("hanne", "hanne-demo", csrfOfTheForm());

    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/console/");
  }

  @Test
  void onlyPeopleSigningInGetASessionNotAClientSystemWhoseTokenRequestIsRefused() {
    HttpResponse<String> refused = tokens.exchange(MUNICIPALITY, "not-the-secret", null);

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
  }

  private String csrfOfTheForm() throws Exception {
    String form = browser.send(HttpRequest.newBuilder(URI.create(consoleBase() + "/console/sign-in")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return form.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
  }

  private HttpResponse<String> signIn(String user, String password, String csrf) throws Exception {
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
    return browser.send(HttpRequest.newBuilder(URI.create(consoleBase() + "/console/sign-in"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}
