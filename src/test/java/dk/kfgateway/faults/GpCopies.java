package dk.kfgateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.bench.GpReceiver;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * GP copies after a fault: each completed referral's copy reached the GP receiver, and after deduplication on the
 * message's own id (the FHIR message Bundle's {@code id}, which a redelivery repeats) exactly once.
 */
final class GpCopies {

  private static final Pattern BUNDLE_ID = Pattern.compile("^\\s*\\{\\s*\"resourceType\"\\s*:\\s*\"Bundle\"\\s*,\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");

  private GpCopies() {}

  static void assertEachDeliveredExactlyOnce(GpReceiver gp, List<String> serviceRequests) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline && !serviceRequests.stream().allMatch(sr -> gp.firstMentioning(sr) != null)) {
      Thread.sleep(200);
    }
    for (String serviceRequest : serviceRequests) {
      Set<String> messages = gp.mentioning(serviceRequest).stream()
          .map(d -> messageId(d.body())).collect(Collectors.toSet());
      assertThat(messages).as("distinct GP messages about " + serviceRequest).hasSize(1);
    }
  }

  private static String messageId(String body) {
    Matcher m = BUNDLE_ID.matcher(body);
    return m.find() ? m.group(1) : body;
  }
}
