package dk.kfgateway.console;

import dk.kfgateway.GatewayProperties;
import dk.kfgateway.security.Caller;
import dk.kfgateway.security.PartyRole;
import dk.kfgateway.security.PeopleSignIn;
import dk.kfgateway.security.TokenClaims;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's page ({@code /console/}), what it needs to sign a person in ({@code /console/config.json}), and each
 * role's views ({@code /console/pages/secretariat}, {@code /console/pages/administrator}), given only to a person of
 * that role (403 otherwise: a municipality's caseworker does not open the secretariat's pages). The views hold no data:
 * the console fills them from the FHIR API, where the allow-list decides again.
 */
@RestController
@ConditionalOnProperty(name = "gateway.console.enabled", havingValue = "true", matchIfMissing = true)
class ConsolePages {

  static final String PAGES = "/console/pages";
  private static final Map<String, PartyRole> VIEWS =
      Map.of("secretariat", PartyRole.SECRETARIAT, "administrator", PartyRole.ADMINISTRATOR);

  private final GatewayProperties.Console console;

  ConsolePages(GatewayProperties properties) {
    this.console = properties.console();
  }

  @GetMapping({"/console", "/console/"})
  ResponseEntity<byte[]> page() throws IOException {
    return html(HttpStatus.OK, read("static/console/index.html"));
  }

  /** Where the console signs people in: the embedded authorisation server, or the region's identity provider. */
  @GetMapping(path = "/console/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> config() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("clientId", console.clientId());
    config.put("authorizationEndpoint", orDefault(console.authorizationEndpoint(), "/oauth2/authorize"));
    config.put("tokenEndpoint", orDefault(console.tokenEndpoint(), "/oauth2/token"));
    config.put("signOut", PeopleSignIn.SIGN_OUT);
    config.put("fhirBase", "/fhir");
    config.put("pollSeconds", Math.max(1, console.poll().toSeconds()));
    return config;
  }

  @GetMapping(PAGES + "/{view}")
  ResponseEntity<byte[]> view(@PathVariable String view, @AuthenticationPrincipal Jwt token) throws IOException {
    PartyRole needed = VIEWS.get(view);
    if (needed == null) {
      return text(HttpStatus.NOT_FOUND, "No such view: " + view);
    }
    Optional<Caller> caller = TokenClaims.caller(token.getClaims());
    if (caller.isEmpty() || caller.get().role() != needed) {
      String who = caller.map(c -> c.role() + " (" + c.organization() + ")").orElse("no role");
      return text(HttpStatus.FORBIDDEN, "The " + view + " pages are for the role " + needed + "; this sign-in acts as "
          + who + ".");
    }
    return html(HttpStatus.OK, read("console/pages/" + view + ".html"));
  }

  private static byte[] read(String path) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return in.readAllBytes();
    }
  }

  private static ResponseEntity<byte[]> html(HttpStatus status, byte[] body) {
    return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore()).body(body);
  }

  private static ResponseEntity<byte[]> text(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .body(message.getBytes(StandardCharsets.UTF_8));
  }

  private static String orDefault(String value, String otherwise) {
    return value == null || value.isBlank() ? otherwise : value;
  }
}
