package dk.kfgateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo data as a new user finds it: on a database of its own, which no other test has worked on. */
class DemoDataTest extends GatewayIntegrationTest {

  @Autowired DemoData demoData;

  @org.springframework.test.context.DynamicPropertySource
  static void ownDatabase(org.springframework.test.context.DynamicPropertyRegistry registry) {
    dk.kfgateway.support.TestDatabase.current().registerOwn(registry, "demo");
  }

  @Test
  void aNewUserFindsReferralsInSeveralStates() {
    Bundle tasks =
        fhir.search().byUrl("Task?owner=Organization/kf-region-sjaelland&_count=50").returnBundle(Bundle.class).execute();

    assertThat(tasks.getEntry())
        .extracting(e -> ((Task) e.getResource()).getStatus().toCode())
        .contains("requested", "received", "accepted", "in-progress", "completed");
  }

  @Test
  void loadingTwiceChangesNothing() {
    String versionBefore = fhir.read().resource(Task.class).withId("task-1").execute().getMeta().getVersionId();
    int patientsBefore = total("Patient");

    demoData.load();

    assertThat(fhir.read().resource(Task.class).withId("task-1").execute().getMeta().getVersionId())
        .isEqualTo(versionBefore);
    assertThat(total("Patient")).isEqualTo(patientsBefore);
  }

  private int total(String type) {
    return fhir.search().forResource(type).totalMode(ca.uhn.fhir.rest.api.SearchTotalModeEnum.ACCURATE)
        .returnBundle(Bundle.class).execute().getTotal();
  }
}
