package dk.kfgateway.console;

import dk.kfgateway.security.PeopleSignIn;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in form of the embedded authorisation server for the console's people, in Danish or English (the console's
 * choice, cookie {@value #LANGUAGE_COOKIE}, or {@code ?lang=en}). Posted back to {@link PeopleSignIn#PAGE} with its
 * CSRF token; Spring Security checks the password and returns the browser to the authorisation request.
 */
@RestController
@ConditionalOnProperty(name = "gateway.console.enabled", havingValue = "true", matchIfMissing = true)
class SignInPage {

  static final String LANGUAGE_COOKIE = "kf-lang";

  @GetMapping(path = PeopleSignIn.PAGE)
  ResponseEntity<String> form(HttpServletRequest request) {
    boolean english = "en".equals(request.getParameter("lang")) || "en".equals(cookie(request));
    boolean failed = request.getParameter("error") != null;
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    String html = """
        <!doctype html>
        <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s</title><link rel="stylesheet" href="/console/console.css"></head>
        <body><main class="sign-in" id="main">
        <h1>%s</h1>
        %s
        <form method="post" action="%s">
        <label for="username">%s</label><input id="username" name="username" autocomplete="username" required autofocus>
        <label for="password">%s</label><input id="password" name="password" type="password" autocomplete="current-password" required>
        <input type="hidden" name="%s" value="%s">
        <button type="submit" id="sign-in">%s</button>
        </form>
        <p><a href="%s?lang=%s" lang="%s">%s</a></p>
        </main></body></html>
        """.formatted(english ? "en" : "da", english ? "Sign in - KF gateway" : "Log ind - KF-gateway",
        english ? "Sign in to the Klinisk Funktion console" : "Log ind i Klinisk Funktions konsol",
        failed ? "<p class=\"error\" role=\"alert\">" + (english ? "Wrong user name or password."
            : "Forkert brugernavn eller adgangskode.") + "</p>" : "",
        PeopleSignIn.PAGE, english ? "User name" : "Brugernavn", english ? "Password" : "Adgangskode",
        HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()),
        english ? "Sign in" : "Log ind", PeopleSignIn.PAGE, english ? "da" : "en", english ? "da" : "en",
        english ? "Dansk" : "English");
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore()).body(html);
  }

  private static String cookie(HttpServletRequest request) {
    return request.getCookies() == null ? null : Arrays.stream(request.getCookies())
        .filter(c -> LANGUAGE_COOKIE.equals(c.getName())).map(Cookie::getValue).findFirst().orElse(null);
  }
}
