package dk.kfgateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hl7.fhir.r4.model.Task.TaskStatus.ACCEPTED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.INPROGRESS;
import static org.hl7.fhir.r4.model.Task.TaskStatus.RECEIVED;

import dk.kfgateway.support.ReferralFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The acceptance scenario of the console in a real browser (headless Chromium): the secretariat signs in, sees a
 * referral a municipality has just posted appear in its work list without reloading, opens it and views its PDF,
 * carries out the municipality's cancellation request with one action, and sends a dead letter again; the
 * administrator then finds those actions in the audit trail under the secretary's name and by the citizen's CPR, and
 * sees the delivery per receiver. Screenshots of each page go to the test output folder.
 */
class SecretariatAndAdministratorInTheConsoleTest extends ConsoleHttpTest {

  private static final String SECRETARY = "Hanne Kjær";

  /** Holbæk's system subscribes to its tasks (its registered endpoint); the administrator sees it in the console. */
  private String aMunicipalitysSubscription() {
    org.hl7.fhir.r4.model.Subscription subscription = new org.hl7.fhir.r4.model.Subscription()
        .setStatus(org.hl7.fhir.r4.model.Subscription.SubscriptionStatus.REQUESTED).setReason("Own tasks")
        .setCriteria("Task?requester=PractitionerRole/caseworker-holbaek");
    subscription.getChannel().setType(org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType.RESTHOOK)
        .setEndpoint("https://sag.holbaek.example/kf-notify/tasks");
    return fhirAs("holbaek-jobcenter").create().resource(subscription).execute().getId().getIdPart();
  }

  @Test
  void theSecretariatWorksTheCasesAndTheAdministratorFindsItsActionsInTheAuditTrail() {
    String cancelledTask;
    String deadLetter;
    ReferralFixture fresh = ReferralFixture.referral("le275-certificate");
    try (Browser secretary = Browser.open(consoleBase())) {
      deadLetter = aDeadLetter();
      secretary.signIn("hanne", "hanne-demo", SECRETARY);
      secretary.waitFor(By.cssSelector("#worklist tbody tr"));
      new Select(secretary.waitFor(By.id("filter-status"))).selectByValue("requested");
      secretary.click(By.cssSelector("#filters button[type=submit]"));
      secretary.screenshot("01-worklist");

      Instant posted = Instant.now();
      cancelledTask = postReferral(fresh);
      WebElement row = secretary.waitUntil(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#worklist tr[data-task='" + cancelledTask + "']")), Duration.ofSeconds(10));
      assertThat(Duration.between(posted, Instant.now())).as("shown without reloading").isLessThan(Duration.ofSeconds(10));
      assertThat(row.getText()).contains("Fiktivsen", "CPR " + fresh.cpr(), "Holbæk");
      secretary.screenshot("02-worklist-new-referral");

      row.findElement(By.cssSelector("a")).click();
      secretary.click(By.cssSelector("#task-documents button.show-pdf"));
      WebElement pdf = secretary.waitFor(By.cssSelector("#task-pdf iframe.pdf"));
      assertThat(pdf.getAttribute("src")).startsWith("blob:");
      assertThat(secretary.asyncScript("const done = arguments[arguments.length - 1];"
          + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => done(String.fromCharCode(...new Uint8Array(b)"
          + ".slice(0, 5))));", pdf.getAttribute("src"))).as("the document's PDF is shown").isEqualTo("%PDF-");
      assertThat(secretary.waitFor(By.id("task-questions")).getText()).isNotBlank();
      assertThat(secretary.waitFor(By.id("task-consent")).getText()).contains("active");
      secretary.screenshot("03-task-with-pdf");

      clinicMoves(cancelledTask, RECEIVED, ACCEPTED);
      String request = municipalityAsksToCancel(cancelledTask, "Borgeren er startet i job");
      secretary.go("/console/#/cancellations");
      secretary.waitFor(By.cssSelector("#cancellations tr[data-request='" + request + "']"));
      secretary.screenshot("04-cancellation-requests");
      secretary.click(By.cssSelector("button.carry-out[data-request='" + request + "']"));
      secretary.waitFor(By.cssSelector("#cancellations tr[data-request='" + request + "'] .badge.done"));
      assertThat(fhirAs(MUNICIPALITY).read().resource(Task.class).withId(cancelledTask).execute().getStatus())
          .as("the municipality sees its task cancelled").isEqualTo(Task.TaskStatus.CANCELLED);
      assertThat(fhirAs(MUNICIPALITY).read().resource(Task.class).withId(request).execute().getStatus())
          .as("and its request carried out").isEqualTo(Task.TaskStatus.COMPLETED);
      secretary.screenshot("05-cancellation-carried-out");

      NORDVEJ.up();
      secretary.go("/console/#/deliveries");
      secretary.waitFor(By.cssSelector("#dead-letters tr[data-communication='" + deadLetter + "']"));
      secretary.screenshot("06-dead-letters");
      secretary.click(By.cssSelector("button.retry[data-communication='" + deadLetter + "']"));
      secretary.waitFor(By.cssSelector("#dead-letters tr[data-communication='" + deadLetter + "'] .badge.done"));
      await("the dead letter delivered after sending it again", Duration.ofSeconds(60),
          () -> copy(deadLetter).getStatus() == Communication.CommunicationStatus.COMPLETED);
    }

    try (Browser administrator = Browser.open(consoleBase())) {
      administrator.signIn("ole", "ole-demo", "Ole Drift");
      administrator.waitFor(By.id("audit-party")).sendKeys(SECRETARY);
      administrator.click(By.cssSelector("#audit-filters button[type=submit]"));
      administrator.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-results"),
          "operation"));
      String trail = administrator.waitFor(By.id("audit-results")).getText();
      assertThat(trail).contains(SECRETARY, "via kf-console", "Task/" + cancelledTask, "update",
          "Communication/" + deadLetter, "operation");
      administrator.screenshot("07-audit-trail-by-person");

      administrator.driver().findElement(By.id("audit-party")).clear();
      administrator.driver().findElement(By.id("audit-cpr")).sendKeys(fresh.cpr());
      administrator.click(By.cssSelector("#audit-filters button[type=submit]"));
      administrator.waitFor(By.cssSelector("#audit-results tbody[data-search*='entity-name=" + fresh.cpr() + "']"));
      String byCpr = administrator.waitFor(By.id("audit-results")).getText();
      assertThat(byCpr).contains("Task/" + cancelledTask, SECRETARY, "kf-sjaelland-ehr");
      assertThat(administrator.driver().findElements(By.cssSelector("#audit-results tbody tr")))
          .allSatisfy(row -> assertThat(row.getText()).contains("CPR " + fresh.cpr()));
      administrator.screenshot("08-audit-trail-by-cpr");

      String subscription = aMunicipalitysSubscription();
      administrator.go("/console/#/delivery-status");
      WebElement receiver = administrator.waitFor(By.cssSelector("#delivery-status tr[data-receiver]"));
      assertThat(administrator.waitFor(By.id("delivery-status")).getText()).contains("gp-clinic-nordvej");
      assertThat(receiver.getText()).isNotBlank();
      WebElement notifications = administrator.waitFor(By.cssSelector("#notifications tr[data-subscription='"
          + subscription + "']"));
      assertThat(notifications.getText()).as("another party's Subscription, as the administrator sees it")
          .contains("https://sag.holbaek.example/kf-notify/tasks", "Task?requester=PractitionerRole/caseworker-holbaek");
      administrator.screenshot("09-delivery-status");
      fhirAs("holbaek-jobcenter").delete().resourceById("Subscription", subscription).execute();
    }

    List<AuditEvent> byCpr = fhir.search().byUrl("AuditEvent?entity-name=" + fresh.cpr() + "&_count=200")
        .returnBundle(Bundle.class).execute().getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
    assertThat(byCpr).as("the municipality's referral is found by the citizen's CPR too")
        .anyMatch(event -> event.getAgent().stream().anyMatch(a -> MUNICIPALITY.equals(a.getName()))
            && "transaction".equals(event.getSubtypeFirstRep().getCode()));
    List<AuditEvent> byTheSecretary = fhir.search().byUrl("AuditEvent?agent-name="
        + java.net.URLEncoder.encode(SECRETARY, java.nio.charset.StandardCharsets.UTF_8) + "&_count=200")
        .returnBundle(Bundle.class).execute().getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
    assertThat(byTheSecretary).as("the person is the requesting agent, the console the application")
        .anySatisfy(event -> {
          assertThat(event.getEntity()).anyMatch(e -> ("Task/" + cancelledTask).equals(e.getWhat().getReference()));
          assertThat(event.getAgent()).anyMatch(a -> a.getRequestor() && "hanne".equals(a.getAltId())
              && "PractitionerRole/secretary-kf".equals(a.getWho().getReference()));
          assertThat(event.getAgent()).anyMatch(a -> !a.getRequestor() && "kf-console".equals(a.getName()));
        });
  }

  /** A completed LÆ 275 whose certificate copy Nordvej's system (down) did not take: the copy's id. */
  private String aDeadLetter() {
    ReferralFixture referral = ReferralFixture.referral("le275-certificate");
    String taskId = postReferral(referral);
    clinicMoves(taskId, RECEIVED, ACCEPTED, INPROGRESS);
    clinicCompletesWithCertificate(taskId);
    String about = task(taskId).getFocus().getReference();
    String[] found = new String[1];
    await("the certificate copy given up", Duration.ofSeconds(60), () -> {
      found[0] = fhir.search().byUrl("Communication?about=" + about + "&status=stopped").returnBundle(Bundle.class)
          .execute().getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).findFirst()
          .orElse(null);
      return found[0] != null;
    });
    return found[0];
  }

  private Communication copy(String id) {
    return fhir.read().resource(Communication.class).withId(id).execute();
  }
}
