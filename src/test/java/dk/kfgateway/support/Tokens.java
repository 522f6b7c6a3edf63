package dk.kfgateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Real access tokens from the running gateway's token endpoint (client credentials, HTTP Basic), as a client system
 * gets them, kept until shortly before they expire so that a test run asks once per client and lifetime.
 */
public final class Tokens {

  private static final Duration MARGIN = Duration.ofSeconds(30);
  private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String tokenEndpoint;
  private final UnaryOperator<String> secrets;

  /** @param secrets the plain secret of a client id */
  public Tokens(String tokenEndpoint, UnaryOperator<String> secrets) {
    this.tokenEndpoint = tokenEndpoint;
    this.secrets = secrets;
  }

  /** A valid access token of this client, with all the scopes it is registered for. */
  public String of(String clientId) {
    String key = tokenEndpoint + " " + clientId;
    Token cached = CACHE.get(key);
    if (cached == null || Instant.now().plus(MARGIN).isAfter(cached.expires())) {
      cached = request(clientId);
      CACHE.put(key, cached);
    }
    return cached.value();
  }

  /** The token endpoint's raw answer (status and JSON body) for a client, secret and requested scope (or null). */
  public HttpResponse<String> exchange(String clientId, String secret, String scope) {
    String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + encode(scope));
    String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(tokenEndpoint))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Token request(String clientId) {
    HttpResponse<String> response = exchange(clientId, secrets.apply(clientId), null);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "No token for " + clientId + ": " + response.statusCode() + " " + response.body());
    }
    try {
      JsonNode body = JSON.readTree(response.body());
      return new Token(
          body.get("access_token").asText(), Instant.now().plusSeconds(body.get("expires_in").asLong()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private record Token(String value, Instant expires) {}
}
