package dk.kfgateway.bench;

import dk.kfgateway.support.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The load client's HTTP side: plain FHIR JSON over loopback HTTP/1.1, each call with a current bearer token of a demo
 * client (client credentials from the gateway's embedded token endpoint, secret {@code <client-id>-demo-secret}).
 * A call that gets no answer at all (connection refused or reset, timeout) has status -1.
 */
public final class FhirHttp {

  public static final String MUNICIPALITY = "holbaek-jobcenter";
  public static final String CLINIC = "kf-sjaelland-ehr";

  private final String base;
  private final Tokens tokens;
  private final HttpClient http;

  public FhirHttp(String gatewayBaseUrl) {
    this.base = gatewayBaseUrl;
    this.tokens = new Tokens(gatewayBaseUrl + "/oauth2/token", id -> id + "-demo-secret");
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** One answer and how long it took, from sending the request until its whole body was read. */
  public record Answer(int status, String body, long nanos, HttpResponse<String> response) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    public double millis() {
      return nanos / 1e6;
    }

    public String header(String name) {
      return response == null ? null : response.headers().firstValue(name).orElse(null);
    }
  }

  /** A call as this client; path relative to /fhir (e.g. "Task?status=requested", "" for the system endpoint). */
  public Answer send(String client, String method, String path, String body, String... headers) {
    String token;
    try {
      token = tokens.of(client);
    } catch (RuntimeException e) {
      return new Answer(-1, String.valueOf(e.getMessage()), 0, null);
    }
    String url = path.startsWith("http") ? path : base + "/fhir" + (path.isEmpty() ? "" : "/" + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
        .header("Accept", "application/fhir+json").header("Authorization", "Bearer " + token);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/fhir+json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    long t0 = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), System.nanoTime() - t0, response);
    } catch (IOException e) {
      return new Answer(-1, e.toString(), System.nanoTime() - t0, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, e.toString(), System.nanoTime() - t0, null);
    }
  }
}
