package dk.kfgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import dk.kfgateway.security.RequestedAccess.Access;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestedAccessTest {

  @ParameterizedTest(name = "{0} {2} on {1} needs {3} on {4}")
  @CsvSource({
    "READ, Task, GET, READ, Task",
    "VREAD, Task, GET, READ, Task",
    "HISTORY_INSTANCE, Task, GET, READ, Task",
    "SEARCH_TYPE, Task, GET, SEARCH, Task",
    "HISTORY_TYPE, Task, GET, SEARCH, Task",
    "SEARCH_SYSTEM, , GET, SEARCH, *",
    "CREATE, Patient, POST, CREATE, Patient",
    "UPDATE, Patient, PUT, UPDATE, Patient",
    "PATCH, Task, PATCH, UPDATE, Task",
    "DELETE, Consent, DELETE, DELETE, Consent",
    "EXTENDED_OPERATION_TYPE, Patient, POST, CREATE, Patient",
    "EXTENDED_OPERATION_INSTANCE, Task, GET, READ, Task",
    "EXTENDED_OPERATION_SERVER, , POST, CREATE, Bundle",
    "VALIDATE, Patient, POST, CREATE, Patient"
  })
  void anInteractionNeedsOneAction(
      RestOperationTypeEnum operation, String type, String method, SmartAction action, String on) {
    assertThat(RequestedAccess.of(operation, type, method, null)).containsExactly(new Access(on, action));
  }

  @Test
  void metadataAndTheNextPageNeedNothing() {
    assertThat(RequestedAccess.of(RestOperationTypeEnum.METADATA, null, "GET", null)).isEmpty();
    assertThat(RequestedAccess.of(RestOperationTypeEnum.GET_PAGE, null, "GET", null)).isEmpty();
  }

  @Test
  void aTransactionNeedsWhatEachEntryDoes() {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    entry(bundle, HTTPVerb.POST, "ServiceRequest");
    entry(bundle, HTTPVerb.PUT, "Patient/p1");
    entry(bundle, HTTPVerb.GET, "Task/task-1");
    entry(bundle, HTTPVerb.GET, "Organization?identifier=x");
    entry(bundle, HTTPVerb.DELETE, "/Consent/c1");
    entry(bundle, HTTPVerb.PATCH, "Task/task-2");
    entry(bundle, HTTPVerb.POST, "$process-message");

    assertThat(RequestedAccess.of(RestOperationTypeEnum.TRANSACTION, null, "POST", bundle))
        .containsExactly(
            new Access("ServiceRequest", SmartAction.CREATE),
            new Access("Patient", SmartAction.UPDATE),
            new Access("Task", SmartAction.READ),
            new Access("Organization", SmartAction.SEARCH),
            new Access("Consent", SmartAction.DELETE),
            new Access("Task", SmartAction.UPDATE),
            new Access("*", SmartAction.CREATE));
  }

  @Test
  void aBatchIsCheckedLikeATransaction() {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.BATCH);
    entry(bundle, HTTPVerb.GET, "Communication?recipient=Organization/gp-clinic-nordvej");

    assertThat(RequestedAccess.of(RestOperationTypeEnum.BATCH, null, "POST", bundle))
        .containsExactly(new Access("Communication", SmartAction.SEARCH));
  }

  private static void entry(Bundle bundle, HTTPVerb method, String url) {
    bundle.addEntry().getRequest().setMethod(method).setUrl(url);
  }
}
