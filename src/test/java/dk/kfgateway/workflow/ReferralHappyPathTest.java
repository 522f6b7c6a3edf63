package dk.kfgateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.ReferralFixture;
import java.time.Instant;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every service of the catalogue, end to end over HTTP: a municipality submits, Klinisk Funktion's EHR finds it in its
 * work list, receives it (the deadline is set), triages it, works on it and completes it with a result.
 */
class ReferralHappyPathTest extends WorkflowHttpTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dk.kfgateway.support.ReferralFixture#orderableServiceCodes")
  void aReferralGoesFromRequestToResult(String service) {
    String taskId = submit(service);

    clinicMoves(taskId, TaskStatus.RECEIVED, TaskStatus.ACCEPTED, TaskStatus.INPROGRESS, TaskStatus.COMPLETED);

    Task done = task(taskId);
    assertThat(done.getStatus()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(done.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("examination");
    assertThat(done.getOutputFirstRep().getValue()).isNotNull();
    String rule = ReferralFixture.catalogue().find(service).orElseThrow().deadlineRule();
    if (!"by-agreement".equals(rule)) {
      assertThat(done.getRestriction().getPeriod().getEnd()).as("due date set on receipt").isNotNull();
    }
  }

  @Test
  void theClinicsWorkListShowsANewTaskAtOnceWithItsReferralAndCitizen() {
    String taskId = submit("le275-certificate");

    Bundle page = fhirAs(CLINIC).search()
        .byUrl("Task?owner=Organization/kf-region-sjaelland&status=requested&_include=Task:focus&_include=Task:patient"
            + "&_count=200&_sort=-_lastUpdated")
        .returnBundle(Bundle.class).execute();

    assertThat(page.getEntry()).extracting(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue())
        .contains("Task/" + taskId);
    Task task = task(taskId);
    assertThat(page.getEntry()).extracting(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue())
        .contains(task.getFocus().getReference(), task.getFor().getReference());
    assertThat(page.getEntry()).anyMatch(e -> e.getResource() instanceof ServiceRequest)
        .anyMatch(e -> e.getResource() instanceof Patient);
  }

  @Test
  void theClinicPagesThroughItsWorkList() {
    java.util.Set<String> submitted = new java.util.HashSet<>();
    for (int i = 0; i < 3; i++) {
      submitted.add(submit("running-case-statement"));
    }

    java.util.Set<String> seen = new java.util.HashSet<>();
    Bundle page = fhirAs(CLINIC).search()
        .byUrl("Task?owner=Organization/kf-region-sjaelland&status=requested&_count=2&_sort=-_lastUpdated")
        .returnBundle(Bundle.class).execute();
    int pages = 0;
    while (page != null && pages++ < 100) {
      page.getEntry().forEach(e -> seen.add(e.getResource().getIdElement().getIdPart()));
      assertThat(page.getEntry()).hasSizeLessThanOrEqualTo(2);
      page = page.getLink(Bundle.LINK_NEXT) == null ? null : fhirAs(CLINIC).loadPage().next(page).execute();
    }

    assertThat(pages).isGreaterThan(1);
    assertThat(seen).containsAll(submitted);
  }

  /**
   * The allow-list (SEC-008) takes a page only with its link as given, so the gateway's links are ones to follow: its
   * page links carry none of the {@code _include}s HAPI writes into them, as every page includes what its search stored.
   */
  @Test
  void theClinicPagesThroughItsWorkListWithReferralsAndCitizens() {
    for (int i = 0; i < 3; i++) {
      submit("running-case-statement");
    }
    Bundle first = fhirAs(CLINIC).search()
        .byUrl("Task?owner=Organization/kf-region-sjaelland&status=requested&_include=Task:focus&_include=Task:patient"
            + "&_count=1&_sort=-_lastUpdated")
        .returnBundle(Bundle.class).execute();
    assertThat(first.getLink(Bundle.LINK_NEXT).getUrl()).doesNotContain("_include");

    Bundle next = fhirAs(CLINIC).loadPage().next(first).execute();

    assertThat(next.getEntry()).anyMatch(e -> e.getResource() instanceof Task)
        .anyMatch(e -> e.getResource() instanceof ServiceRequest).anyMatch(e -> e.getResource() instanceof Patient);
  }

  @Test
  void theSelfLinkOfASearchIsOneToFollow() {
    submit("running-case-statement");
    Bundle first = fhirAs(CLINIC).search()
        .byUrl("Task?owner=Organization/kf-region-sjaelland&status=requested&_count=1")
        .returnBundle(Bundle.class).execute();
    assertThat(first.getLink(Bundle.LINK_SELF).getUrl()).doesNotContain("_security");

    Bundle again = fhirAs(CLINIC).search().byUrl(first.getLink(Bundle.LINK_SELF).getUrl())
        .returnBundle(Bundle.class).execute();

    assertThat(again.getEntry()).hasSize(1);
  }

  @Test
  void theMunicipalityFollowsItsOwnTasksByRequester() {
    String taskId = submit("running-case-statement");
    clinicMoves(taskId, TaskStatus.RECEIVED);

    Bundle mine = fhirAs(MUNICIPALITY).search()
        .byUrl("Task?requester=PractitionerRole/caseworker-holbaek&status=received&_count=200")
        .returnBundle(Bundle.class).execute();

    assertThat(mine.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).contains(taskId);
  }

  @Test
  void overdueAndDueSoonTasksAreFoundByTheirDueDate() {
    String taskId = submit("terminal-assessment");
    clinicMoves(taskId, TaskStatus.RECEIVED);
    Instant due = task(taskId).getRestriction().getPeriod().getEnd().toInstant();

    String before = "Task?owner=Organization/kf-region-sjaelland&status=received,accepted,in-progress&due=lt";
    Bundle dueSoon = fhirAs(CLINIC).search().byUrl(before + due.plusSeconds(60) + "&_count=200")
        .returnBundle(Bundle.class).execute();
    Bundle notYet = fhirAs(CLINIC).search().byUrl(before + due.minusSeconds(60) + "&_count=200")
        .returnBundle(Bundle.class).execute();

    assertThat(dueSoon.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).contains(taskId);
    assertThat(notYet.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).doesNotContain(taskId);
  }
}
