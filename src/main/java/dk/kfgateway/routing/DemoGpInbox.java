package dk.kfgateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * For trying the delivery out (demo only, {@code gateway.routing.demo-inbox}): a GP system's inbox on the gateway
 * itself. It accepts the message Bundles that the gateway's own dispatcher posts to {@code /demo/gp-inbox/{clinic}}
 * (signed, {@link DeliverySignature}; anything else is refused, 401 without a signature, 403 with a wrong one, and
 * not listed), keeps one per Bundle id (as a real receiver deduplicates) and lists them with
 * {@code GET /demo/gp-inbox/{clinic}}. Held in memory only.
 */
@org.springframework.web.bind.annotation.RestController
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "gateway.routing.demo-inbox", havingValue = "true")
class DemoGpInbox {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, Map<String, Map<String, String>>> inboxes = new LinkedHashMap<>();
  private final DeliverySignature signature;

  DemoGpInbox(DeliverySignature signature) {
    this.signature = signature;
  }

  @PostMapping(path = "/demo/gp-inbox/{clinic}")
  synchronized ResponseEntity<Map<String, String>> receive(@PathVariable String clinic, @RequestBody byte[] body,
      @RequestHeader(name = DeliverySignature.HEADER, required = false) String signed) throws IOException {
    if (signed == null) {
      return refused(HttpStatus.UNAUTHORIZED, "The demo inbox takes only the gateway's own deliveries, signed in "
          + DeliverySignature.HEADER);
    }
    if (!signature.verify(body, signed)) {
      return refused(HttpStatus.FORBIDDEN, "The signature in " + DeliverySignature.HEADER
          + " is not the gateway's for this body");
    }
    JsonNode bundle = JSON.readTree(body);
    String id = bundle.path("id").asText();
    String communication = "";
    for (JsonNode entry : bundle.path("entry")) {
      if ("Communication".equals(entry.path("resource").path("resourceType").asText())) {
        communication = "Communication/" + entry.path("resource").path("id").asText();
      }
    }
    inboxes.computeIfAbsent(clinic, c -> new LinkedHashMap<>())
        .putIfAbsent(id, Map.of("bundle", id, "communication", communication, "received", Instant.now().toString()));
    return ResponseEntity.ok().build();
  }

  @GetMapping(path = "/demo/gp-inbox/{clinic}", produces = "application/json")
  synchronized List<Map<String, String>> list(@PathVariable String clinic) {
    return new ArrayList<>(inboxes.getOrDefault(clinic, Map.of()).values());
  }

  private static ResponseEntity<Map<String, String>> refused(HttpStatus status, String why) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", why));
  }
}
