package dk.kfgateway.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * Issue item 12: every 403 and 404 logged ERROR HAPI-2544 with a stack trace of some 125 lines (690 ERROR lines in
 * about 900 requests), so an attacker could bury the operator's log. A refusal is the client's business: each refused
 * request is one INFO line of the refusal log, and the log gets no ERROR line and no stack trace however many
 * refusals of whatever kind it serves.
 */
class AttackerFloodingTheLogTest extends AttackScenario {

  private static final String REFUSAL_LOG = "dk.kfgateway.fhir.RefusalLog";
  private static final int ROUNDS = 6;

  @Test
  void aFloodOfRefusalsOfEveryKindLeavesOneInfoLineEachAndNoError() {
    CaseFile holbaeks = holbaeksCase();
    CaseFile kalundborgs = kalundborgsCase();
    for (Party party : Party.values()) {
      tokens.of(party.client);
    }
    String page = FHIR.newJsonParser().parseResource(Bundle.class,
        get(Party.HOLBAEK, "/DocumentReference?_count=1").text()).getLink("next").getUrl();
    String replay = page.substring(page.indexOf("/fhir") + "/fhir".length());
    forgetTheLog();

    List<Attempt> attempts = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      attempts.add(get(Party.KALUNDBORG, "/Task/task-1"));
      attempts.add(get(Party.KALUNDBORG, "/" + holbaeks.document()));
      attempts.add(get(Party.CLINIC_MIDTJYLLAND, "/" + holbaeks.binary()));
      attempts.add(get(Party.GP_STRANDVEJ, "/" + holbaeks.patient()));
      attempts.add(get(Party.GP_NORDVEJ, "/" + kalundborgs.communication()));
      attempts.add(get(Party.ROSKILDE, "/Task/no-such-task-" + round));
      attempts.add(get(Party.ROSKILDE, "/Task/task-1/_history/1"));
      attempts.add(get(Party.ADMINISTRATOR, "/Task/task-1"));
      attempts.add(attempt(Party.GP_NORDVEJ, "POST", "/Task", "{\"resourceType\":\"Task\",\"status\":\"requested\"}"));
      attempts.add(attempt(Party.HOLBAEK, "POST", "/Patient", "{\"resourceType\":\"Patient\"}"));
      attempts.add(attempt(Party.HOLBAEK, "POST", "/Patient", "<Patient xmlns=\"http://hl7.org/fhir\"/>",
          "Content-Type", "application/fhir+xml"));
      attempts.add(attempt(Party.HOLBAEK, "GET", "/Task/task-1", null, "Accept", "application/fhir+xml"));
      attempts.add(get(Party.GP_STRANDVEJ, replay));
      attempts.add(get(Party.GP_NORDVEJ, "/PractitionerRole?_has:Task:requester:patient.identifier=" + CPR + "|"
          + KAREN_CPR));
      attempts.add(get(Party.CLINIC_MIDTJYLLAND, "/Task/task-1/$meta"));
      attempts.add(attempt(Party.ROSKILDE, "POST", "/DocumentReference", "{\"resourceType\":\"DocumentReference\"}",
          "If-None-Exist", "_id=referral-1-doc-1"));
      attempts.add(attempt(Party.KALUNDBORG, "PUT", "/" + holbaeks.task(), "{\"resourceType\":\"Task\",\"id\":\""
          + CaseFile.idPart(holbaeks.task()) + "\"}", "If-Match", "W/\"1\""));
      attempts.add(attempt(Party.CLINIC_MIDTJYLLAND, "POST", "/" + holbaeks.task() + "/$authorize-lookup", null));
      attempts.add(attempt(Party.HOLBAEK, "POST", "", reading(Bundle.BundleType.BATCH, "Task/task-2")));
    }

    long refused = attempts.stream().filter(a -> a.status() >= 400).count();
    assertThat(refused).as("refused requests in the flood").isGreaterThan(ROUNDS * 10L);
    List<ILoggingEvent> served = loggedWhileServing();
    assertThat(served).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
        .extracting(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).as("ERROR lines").isEmpty();
    assertThat(served).filteredOn(e -> e.getThrowableProxy() != null)
        .extracting(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).as("stack traces").isEmpty();
    List<ILoggingEvent> refusals = served.stream().filter(e -> e.getLoggerName().equals(REFUSAL_LOG)).toList();
    assertThat(refusals).as("one refusal line per refused request").hasSize((int) refused);
    assertThat(refusals).allMatch(e -> e.getLevel() == Level.INFO);
  }
}
