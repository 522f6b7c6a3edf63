package dk.kfgateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hl7.fhir.r4.model.Task.TaskStatus.RECEIVED;

import dk.kfgateway.calendar.WorkingDayCalendar;
import dk.kfgateway.support.ReferralFixture;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The deadline the console shows is the Task's {@code restriction.period.end} in Copenhagen time, to the minute, in
 * the work list and on the task's page. The LÆ 275 deadline here is 150 working days (a test agreement), so it is
 * counted across public holidays (Christmas, Easter or Whitsun, whatever the day of the run) and a change between
 * winter and summer time (guide: deadlines in Danish working days; calendar package).
 */
class DeadlinesInTheConsoleTest extends ConsoleHttpTest {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
  private static final DateTimeFormatter ATTRIBUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  @Test
  void theDeadlineShownIsTheTasksDueDateInCopenhagenCountedAcrossTheHolidays() {
    try (Browser secretary = Browser.open(consoleBase())) {
      String taskId = postReferral(ReferralFixture.referral("le275-certificate"));
      clinicMoves(taskId, RECEIVED);
      Task task = task(taskId);
      Instant due = task.getRestriction().getPeriod().getEnd().toInstant();
      Instant received = task.getMeta().getLastUpdated().toInstant();
      assertThat(task.getExtensionByUrl(dk.kfgateway.ig.Ig.EXT_DEADLINE).getExtensionByUrl("source").getValue()
          .primitiveValue()).isEqualTo(LONG_AGREEMENT);
      assertThat(holidaysBetween(received, due)).as("the deadline is counted across public holidays").isNotEmpty();

      secretary.signIn("hanne", "hanne-demo", "Hanne Kjær");
      secretary.go("/console/#/task/" + taskId);
      WebElement shown = secretary.waitFor(By.cssSelector("#task-facts time"));
      assertShows(shown, due);
      secretary.screenshot("10-task-deadline");

      secretary.go("/console/#/worklist");
      new Select(secretary.waitFor(By.id("filter-status"))).selectByValue("received");
      new Select(secretary.waitFor(By.id("filter-size"))).selectByValue("50");
      secretary.click(By.cssSelector("#filters button[type=submit]"));
      secretary.waitUntil(d -> d.findElements(By.cssSelector("#worklist tr[data-task] td.deadline time")).size() > 0
          && d.findElements(By.cssSelector("#worklist tr[data-task]")).stream()
              .allMatch(row -> row.getText().contains(secretary.text("status.received"))));
      List<WebElement> rows = secretary.driver().findElements(By.cssSelector("#worklist tr[data-task]"));
      for (WebElement row : rows) {
        Task listed = task(row.getAttribute("data-task"));
        assertShows(row.findElement(By.cssSelector("td.deadline time")),
            listed.getRestriction().getPeriod().getEnd().toInstant());
      }
      secretary.screenshot("11-worklist-deadlines");
    }
  }

  private static void assertShows(WebElement time, Instant due) {
    ZonedDateTime copenhagen = due.atZone(WorkingDayCalendar.ZONE);
    assertThat(time.getText()).isEqualTo(SHOWN.format(copenhagen));
    assertThat(time.getAttribute("datetime")).isEqualTo(ATTRIBUTE.format(copenhagen));
  }

  private static List<LocalDate> holidaysBetween(Instant from, Instant to) {
    WorkingDayCalendar calendar = WorkingDayCalendar.danish();
    return from.atZone(WorkingDayCalendar.ZONE).toLocalDate()
        .datesUntil(to.atZone(WorkingDayCalendar.ZONE).toLocalDate().plusDays(1))
        .filter(calendar.holidays()::isHoliday).toList();
  }
}
