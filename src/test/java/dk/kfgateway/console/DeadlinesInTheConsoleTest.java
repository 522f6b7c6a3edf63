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
      assertShows(shown.getText(), shown.getAttribute("datetime"), due);
      secretary.screenshot("10-task-deadline");

      secretary.go("/console/#/worklist");
      new Select(secretary.waitFor(By.id("filter-status"))).selectByValue("received");
      new Select(secretary.waitFor(By.id("filter-size"))).selectByValue("50");
      secretary.click(By.cssSelector("#filters button[type=submit]"));
      secretary.waitUntil(d -> d.findElements(By.cssSelector("#worklist tr[data-task] td.deadline time")).size() > 0
          && d.findElements(By.cssSelector("#worklist tr[data-task]")).stream()
              .allMatch(row -> row.getText().contains(secretary.text("status.received"))));
      // read in one step in the page, so that a redraw of the polled list cannot come between a row and its deadline
      @SuppressWarnings("unchecked")
      List<List<String>> rows = (List<List<String>>) ((org.openqa.selenium.JavascriptExecutor) secretary.driver())
          .executeScript("return [...document.querySelectorAll('#worklist tr[data-task]')].map(r => {"
              + " const t = r.querySelector('td.deadline time');"
              + " return [r.dataset.task, t.textContent, t.getAttribute('datetime')]; });");
      assertThat(rows).isNotEmpty();
      for (List<String> row : rows) {
        Task listed = task(row.get(0));
        assertShows(row.get(1), row.get(2), listed.getRestriction().getPeriod().getEnd().toInstant());
      }
      secretary.screenshot("11-worklist-deadlines");
    }
  }

  private static void assertShows(String shown, String datetime, Instant due) {
    ZonedDateTime copenhagen = due.atZone(WorkingDayCalendar.ZONE);
    assertThat(shown.trim()).isEqualTo(SHOWN.format(copenhagen));
    assertThat(datetime).isEqualTo(ATTRIBUTE.format(copenhagen));
  }

  private static List<LocalDate> holidaysBetween(Instant from, Instant to) {
    WorkingDayCalendar calendar = WorkingDayCalendar.danish();
    return from.atZone(WorkingDayCalendar.ZONE).toLocalDate()
        .datesUntil(to.atZone(WorkingDayCalendar.ZONE).toLocalDate().plusDays(1))
        .filter(calendar.holidays()::isHoliday).toList();
  }
}
