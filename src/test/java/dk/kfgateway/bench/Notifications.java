package dk.kfgateway.bench;

import java.util.List;

/**
 * Wires a gateway process to {@link NotificationReceiver}s (each registered as a client's endpoint) and subscribes
 * clients to them: the clinic's EHR to its new tasks, the municipality to changes of its tasks; for the fault tests
 * and the benchmark.
 */
public final class Notifications {

  public static final String NEW_TASKS = "Task?owner=Organization/kf-region-sjaelland&status=requested";
  public static final String MUNICIPALITY_TASKS = "Task?requester=PractitionerRole/caseworker-holbaek";

  private Notifications() {}

  /** Arguments that register the receiver for the client and make retries quick. */
  public static List<String> gatewayArgs(String client, NotificationReceiver receiver) {
    return List.of("--gateway.security.clients." + client + ".endpoints=" + receiver.url(),
        "--gateway.notification.initial-backoff=500ms", "--gateway.notification.max-backoff=1s",
        "--gateway.notification.timeout=5s", "--gateway.notification.max-failures=1000");
  }

  /** Subscribes the client to the given criteria (id-only); returns the Subscription's id. */
  public static String subscribe(FhirHttp http, String client, NotificationReceiver receiver, String criteria) {
    String body = "{\"resourceType\":\"Subscription\",\"status\":\"requested\",\"reason\":\"New tasks\","
        + "\"criteria\":\"" + criteria + "\",\"channel\":{\"type\":\"rest-hook\",\"endpoint\":\"" + receiver.url()
        + "\"}}";
    FhirHttp.Answer answer = http.send(client, "POST", "Subscription", body);
    if (answer.status() != 201) {
      throw new IllegalStateException("Subscribing failed: " + answer.status() + " " + answer.body());
    }
    return answer.body().replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
  }

  /** Posts a referral as the municipality; returns its Task's id, or null when it was not stored. */
  public static String refer(FhirHttp client, int sequence) {
    FhirHttp.Answer posted = client.send(FhirHttp.MUNICIPALITY, "POST", "", BenchReferrals.referral(sequence).json());
    return posted.ok() ? LoadBenchmark.locations(posted.body(), "Task/").get(0) : null;
  }
}
