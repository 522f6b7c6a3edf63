package dk.kfgateway.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HAPI's operations, which the issue found open to every party ({@code $meta}, {@code $validate}, {@code
 * $everything}, and beside them {@code $meta-add}, {@code $meta-delete}, {@code $expunge}, {@code $diff}, {@code
 * $reindex}, {@code $binary-access-read}, {@code $export}...). The allow-list names three operations, each for one
 * role ({@code Task/$authorize-lookup} for the clinic, {@code Task/$follow-gp-recommendation} for the municipality,
 * {@code Communication/$retry-delivery} for the secretariat); every other call of an operation is refused (SEC-008),
 * on the party's own case as on another party's, alone and inside a batch, and audited. Nobody forges the access
 * labels that decide who sees a case.
 */
class AttackerCallingOperationsTest extends AttackScenario {

  static final String ACCESS = "http://kf-gateway.dk/fhir/CodeSystem/kf-access";

  /** An operation call: by whom, how, on which resource of a case (or none), with what body. */
  record Call(Party party, String method, String operation, String type, Function<CaseFile, String> path,
      String body) {
    @Override
    public String toString() {
      return party + " " + method + " " + type + " " + operation;
    }
  }

  static List<Call> calls() {
    String labels = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"meta\",\"valueMeta\":{\"security\":"
        + "[{\"system\":\"" + ACCESS + "\",\"code\":\"municipality-roskilde\"}]}}]}";
    List<Call> calls = new ArrayList<>();
    calls.add(new Call(Party.HOLBAEK, "GET", "$meta", "Task", c -> "/" + c.task() + "/$meta", null));
    calls.add(new Call(Party.HOLBAEK, "GET", "$meta", "Task", c -> "/Task/$meta", null));
    calls.add(new Call(Party.HOLBAEK, "POST", "$meta-add", "Task", c -> "/" + c.task() + "/$meta-add", labels));
    calls.add(new Call(Party.HOLBAEK, "POST", "$meta-delete", "Consent", c -> "/" + c.consent() + "/$meta-delete",
        labels));
    calls.add(new Call(Party.HOLBAEK, "GET", "$validate", "ServiceRequest",
        c -> "/" + c.serviceRequest() + "/$validate", null));
    calls.add(new Call(Party.CLINIC_SJAELLAND, "GET", "$everything", "Patient",
        c -> "/" + c.patient() + "/$everything", null));
    calls.add(new Call(Party.HOLBAEK, "POST", "$everything", "Patient", c -> "/" + c.patient() + "/$everything",
        null));
    calls.add(new Call(Party.GP_NORDVEJ, "GET", "$everything", "Patient", c -> "/Patient/$everything", null));
    calls.add(new Call(Party.HOLBAEK, "POST", "$expunge", "DocumentReference",
        c -> "/" + c.document() + "/$expunge", "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":"
            + "\"expungeEverything\",\"valueBoolean\":true}]}"));
    calls.add(new Call(Party.CLINIC_SJAELLAND, "GET", "$diff", "Task", c -> "/" + c.task() + "/$diff", null));
    calls.add(new Call(Party.HOLBAEK, "POST", "$reindex", "Task", c -> "/" + c.task() + "/$reindex", null));
    calls.add(new Call(Party.CLINIC_SJAELLAND, "GET", "$binary-access-read", "DocumentReference",
        c -> "/" + c.binaryDocument() + "/$binary-access-read?path=DocumentReference.content.attachment", null));
    calls.add(new Call(Party.GP_NORDVEJ, "GET", "$export", "Patient", c -> "/Patient/$export", null));
    calls.add(new Call(Party.HOLBAEK, "GET", "$no-such-operation", "Task",
        c -> "/" + c.task() + "/$no-such-operation", null));
    // the listed operations, called by a role they are not listed for
    calls.add(new Call(Party.HOLBAEK, "GET", "$authorize-lookup", "Task",
        c -> "/" + c.task() + "/$authorize-lookup", null));
    calls.add(new Call(Party.CLINIC_SJAELLAND, "POST", "$retry-delivery", "Communication",
        c -> "/" + c.communication() + "/$retry-delivery", null));
    calls.add(new Call(Party.GP_NORDVEJ, "GET", "$retry-delivery", "Communication",
        c -> "/" + c.communication() + "/$retry-delivery", null));
    calls.add(new Call(Party.CLINIC_SJAELLAND, "POST", "$follow-gp-recommendation", "Task",
        c -> "/" + c.task() + "/$follow-gp-recommendation", null));
    return calls;
  }

  static Stream<Arguments> onOwnCase() {
    return calls().stream().map(Arguments::of);
  }

  /** The same calls by a party of the other case: Holbæk's parties reaching into Kalundborg's case. */
  static Stream<Arguments> onAnotherPartysCase() {
    return calls().stream().filter(c -> c.path().apply(probe()).contains("probe-")).map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}, on its own case")
  @MethodSource("onOwnCase")
  void anOperationOffTheAllowListIsRefusedOnTheOwnCase(Call call) {
    Instant since = now();

    Attempt attempt = attempt(call.party(), call.method(), call.path().apply(holbaeksCase()), call.body());

    assertRefusedByAllowList(attempt);
    assertAudited(call.party(), since);
  }

  @ParameterizedTest(name = "{0}, on another party''s case")
  @MethodSource("onAnotherPartysCase")
  void anOperationOffTheAllowListOnAnotherPartysCaseIsRefusedAsOnAnUnknownId(Call call) {
    CaseFile kalundborgs = kalundborgsCase();
    String path = call.path().apply(kalundborgs);
    String target = kalundborgs.resources().stream().filter(r -> path.contains(r + "/")).findFirst().orElseThrow();

    Attempt attempt = attempt(call.party(), call.method(), path, call.body());

    assertUnknownOrRefused(attempt, target);
  }

  @ParameterizedTest(name = "{0}, inside a batch")
  @MethodSource("onOwnCase")
  void anOperationInsideABatchIsRefused(Call call) {
    Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
    Bundle.BundleEntryComponent entry = batch.addEntry();
    entry.getRequest().setMethod(Bundle.HTTPVerb.fromCode(call.method()))
        .setUrl(call.path().apply(holbaeksCase()).substring(1));
    if (call.body() != null) {
      entry.setResource(FHIR.newJsonParser().parseResource(Parameters.class, call.body()));
    }

    Attempt attempt = attempt(call.party(), "POST", "", json(batch));

    assertRefusedByAllowList(attempt);
  }

  @Test
  void holbaekAddingItsLabelToAnotherMunicipalitysTaskIsRefusedAndChangesNoLabel() {
    String task = kalundborgsCase().task();
    String labels = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"meta\",\"valueMeta\":{\"security\":"
        + "[{\"system\":\"" + ACCESS + "\",\"code\":\"municipality-holbaek\"}]}}]}";

    Attempt attempt = attempt(Party.HOLBAEK, "POST", "/" + task + "/$meta-add", labels);

    assertUnknownOrRefused(attempt, task);
    assertThat(get(Party.HOLBAEK, "/" + task).status()).as("the task stays hidden from Holbæk").isEqualTo(404);
  }

  @ParameterizedTest(name = "{0} writing the access labels itself")
  @EnumSource(value = Party.class, names = {"HOLBAEK", "CLINIC_SJAELLAND"})
  void theAccessLabelsAWriteNamesAreDropped(Party party) {
    CaseFile holbaeks = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    Task task = readAs(party, Task.class, holbaeks.task());
    task.getMeta().addSecurity(new Coding(ACCESS, "municipality-roskilde", null));

    Attempt attempt = attempt(party, "PUT", "/" + holbaeks.task(), json(task),
        "If-Match", "W/\"" + task.getMeta().getVersionId() + "\"");

    assertThat(attempt.status()).as(attempt.toString()).isEqualTo(200);
    assertThat(get(Party.ROSKILDE, "/" + holbaeks.task()).status()).as("the task stays hidden from Roskilde")
        .isEqualTo(404);
  }

  @Test
  void theLabelForAnotherPartyOnAPostedDocumentIsDropped() {
    CaseFile holbaeks = holbaeksCase();
    org.hl7.fhir.r4.model.DocumentReference document =
        AttackerWritingThroughConditionalReferencesTest.document(holbaeks, holbaeks.serviceRequest());
    document.setMeta(new Meta().addSecurity(new Coding(ACCESS, "gp-clinic-strandvej", null)));

    Attempt attempt = attempt(Party.HOLBAEK, "POST", "/DocumentReference", json(document));

    assertThat(attempt.status()).as(attempt.toString()).isEqualTo(201);
    String created = attempt.answer().headers().firstValue("Location").orElseThrow()
        .replaceAll(".*/(DocumentReference/[^/]+).*", "$1");
    assertThat(get(Party.GP_STRANDVEJ, "/" + created).status()).as("the document stays hidden from Strandvej")
        .isEqualTo(404);
  }

  @Test
  void eachListedOperationStillWorksForItsRole() {
    CaseFile holbaeks = holbaeksCase();

    Attempt lookup = get(Party.CLINIC_SJAELLAND, "/" + holbaeks.task() + "/$authorize-lookup");

    assertThat(lookup.status()).as(lookup.toString()).isEqualTo(200);
  }

  /** A case whose ids are recognisable, to tell which calls target a resource of a case. */
  private static CaseFile probe() {
    return new CaseFile(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ, "0", "Patient/probe-p",
        "ServiceRequest/probe-s", "Task/probe-t", "Consent/probe-c", "DocumentReference/probe-d",
        "DocumentReference/probe-b", "Binary/probe-x", "Communication/probe-m");
  }
}
