package dk.kfgateway.notification;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dk.kfgateway.access.AccessLabels;
import dk.kfgateway.access.Visibility;
import dk.kfgateway.security.Caller;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;

/**
 * Sends one notification as FHIR R4 rest-hook does: with payload {@code application/fhir+json}, a PUT of the changed
 * version to {@code <endpoint>/<type>/<id>}; without payload, a POST with no body, the focus reference in a header
 * ("id-only"). Nothing at all goes out when the subscriber may not read the changed resource now (the same labels and
 * consent as a read, access.Visibility): a notification never tells more than a read would. Headers name the
 * notification (the id to deduplicate on), its subscription, its focus and its place in the subscription's order.
 */
class NotificationDelivery {

  static final String ID = "X-KF-Notification-Id";
  static final String SUBSCRIPTION = "X-KF-Subscription";
  static final String FOCUS = "X-KF-Focus";
  static final String SEQUENCE = "X-KF-Notification-Sequence";

  private final DaoRegistry daos;
  private final Visibility visibility;
  private final FhirContext fhir;
  private final HttpClient http;
  private final Duration timeout;
  private final java.util.Set<String> unrestricted;

  /** @param unrestricted clients whose reads are not narrowed (gateway.security.unrestricted-clients) */
  NotificationDelivery(DaoRegistry daos, Visibility visibility, FhirContext fhir, Duration timeout,
      java.util.Set<String> unrestricted) {
    this.unrestricted = java.util.Set.copyOf(unrestricted);
    this.daos = daos;
    this.visibility = visibility;
    this.fhir = fhir;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /**
   * Empty when withheld (the subscriber may not read the focus); an empty text when the receiver took it (2xx);
   * otherwise what went wrong.
   */
  Optional<String> send(Subscriber subscriber, NotificationQueue.Notification notification) {
    String endpoint = subscriber.endpoint();
    try {
      Optional<IBaseResource> readable = readable(subscriber, notification.focus());
      if (readable.isEmpty()) {
        return Optional.empty();
      }
      IdType focus = new IdType(notification.focus());
      HttpRequest.Builder request = subscriber.payload()
          ? HttpRequest.newBuilder(URI.create(strip(endpoint) + "/" + focus.getResourceType() + "/" + focus.getIdPart()))
              .header("Content-Type", SubscriptionRules.FHIR_JSON + "; charset=UTF-8")
              .PUT(HttpRequest.BodyPublishers.ofString(fhir.newJsonParser().encodeResourceToString(readable.get()),
                  StandardCharsets.UTF_8))
          : HttpRequest.newBuilder(URI.create(endpoint)).POST(HttpRequest.BodyPublishers.noBody());
      request.timeout(timeout).header(ID, notification.id())
          .header(SUBSCRIPTION, "Subscription/" + subscriber.subscription())
          .header(FOCUS, notification.focus()).header(SEQUENCE, String.valueOf(notification.sequence()));
      for (String header : subscriber.headers()) {
        String[] nameValue = header.split(":", 2);
        request.header(nameValue[0].trim(), nameValue[1].trim());
      }
      int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      return Optional.of(status / 100 == 2 ? "" : "HTTP " + status + " from " + endpoint);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    } catch (Exception e) {
      return Optional.of(e.getClass().getSimpleName() + " from " + endpoint
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  /** The changed version, when the subscriber may read it now; empty when not (or when it is gone). */
  private Optional<IBaseResource> readable(Subscriber subscriber, String focus) {
    IdType id = new IdType(focus);
    try {
      SystemRequestDetails request = new SystemRequestDetails();
      IBaseResource resource = daos.getResourceDao(id.getResourceType()).read(id, request);
      if (!unrestricted.contains(subscriber.client())) {
        Caller caller = new Caller(subscriber.client(), subscriber.role(), subscriber.organization(), null, null);
        if (!visibility.sees(caller, resource, request)) {
          return Optional.empty();
        }
      }
      AccessLabels.strip(resource);
      return Optional.of(resource);
    } catch (BaseServerResponseException e) {
      return Optional.empty();
    }
  }

  private static String strip(String endpoint) {
    return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
  }
}
