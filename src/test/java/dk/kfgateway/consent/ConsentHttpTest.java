package dk.kfgateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.ReferralFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/** Moves shared by the consent scenarios: Holbæk refers, the clinic moves tasks, the citizen's consent changes. */
abstract class ConsentHttpTest extends GatewayIntegrationTest {

  static final String MUNICIPALITY = "holbaek-jobcenter";
  static final String CLINIC = "kf-sjaelland-ehr";
  static final String SECRETARIAT = "kf-sjaelland-secretariat";
  static final String GENERAL_WORDING = "http://kf-gateway.dk/fhir/consent-wording/kommunens-egen-blanket";

  /** A submitted referral: the transaction response and the ids of what it stored. */
  record Case(Bundle response, String task, String patient, String consent, String referral, List<String> documents) {}

  Case refer(ReferralFixture referral) {
    Bundle response = fhirAs(MUNICIPALITY).transaction().withBundle(referral.bundle()).execute();
    List<String> locations = response.getEntry().stream()
        .map(e -> e.getResponse().getLocation().replaceFirst("/_history/.*", "")).toList();
    String patient = referral.task().getFor().getReference().startsWith("Patient/")
        ? referral.task().getFor().getReference() : "Patient/" + id(locations, "Patient");
    return new Case(response, id(locations, "Task"), patient, id(locations, "Consent"),
        "ServiceRequest/" + id(locations, "ServiceRequest"), locations.stream().filter(l -> l.startsWith("DocumentReference/")).toList());
  }

  Case refer(String service) {
    return refer(ReferralFixture.referral(service));
  }

  /**
   * The referral's citizen stored beforehand (as an existing citizen of the municipality), or the citizen of an earlier
   * case, so that several referrals can share the citizen: the referral names the citizen's CPR in its conditional
   * create, as a municipality does (a literal reference to a citizen the municipality does not see yet answers as an
   * unknown one).
   */
  ReferralFixture withStoredCitizen(ReferralFixture fixture, String patient) {
    String cpr = fixture.cpr();
    if (patient == null) {
      fhir.create().resource(fixture.patient()).execute();
    } else {
      cpr = fhir.read().resource(org.hl7.fhir.r4.model.Patient.class).withId(patient).execute()
          .getIdentifierFirstRep().getValue();
    }
    fixture.patient().getIdentifierFirstRep().setValue(cpr);
    fixture.bundle().getEntryFirstRep().getRequest().setIfNoneExist("identifier=" + dk.kfgateway.ig.Ig.CPR + "|" + cpr);
    return fixture;
  }

  Case referStored(String service) {
    return refer(withStoredCitizen(ReferralFixture.referral(service), null));
  }

  private static String id(List<String> locations, String type) {
    return locations.stream().filter(l -> l.startsWith(type + "/")).findFirst().map(l -> l.split("/")[1]).orElseThrow();
  }

  Task task(String id) {
    return fhir.read().resource(Task.class).withId(id).execute();
  }

  /** Reads the task, changes it, PUTs it back as this client with If-Match on the version read. */
  HttpResponse<String> move(String client, String taskId, Consumer<Task> change) {
    Task current = task(taskId);
    change.accept(current);
    return put(client, "Task/" + taskId, current, current.getMeta().getVersionId());
  }

  HttpResponse<String> put(String client, String path, Resource resource, String version) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/" + path))
        .header("Authorization", "Bearer " + tokens.of(client))
        .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
        .PUT(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(resource)));
    if (version != null) {
      request.header("If-Match", "W/\"" + version + "\"");
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  void receive(String taskId) {
    assertThat(move(CLINIC, taskId, t -> t.setStatus(Task.TaskStatus.RECEIVED)).statusCode()).isEqualTo(200);
  }

  HttpResponse<String> accept(String taskId) {
    return move(CLINIC, taskId, t -> t.setStatus(Task.TaskStatus.ACCEPTED).setBusinessStatus(new CodeableConcept(
        new Coding("http://kf-gateway.dk/fhir/CodeSystem/kf-triage-outcomes", "examination", null))));
  }

  /** The municipality records that the citizen withdrew the consent (status inactive). */
  void withdraw(String consentId) {
    Consent consent = fhir.read().resource(Consent.class).withId(consentId).execute();
    consent.setStatus(Consent.ConsentState.INACTIVE);
    HttpResponse<String> response = put(MUNICIPALITY, "Consent/" + consentId, consent, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /** The municipality posts a new consent of the citizen, like the referral's but with this wording. */
  String giveConsent(String patient, String wording, Consumer<Consent> adjust) {
    Consent consent = ReferralFixture.referral("running-case-statement").consent().copy();
    consent.setPatient(new org.hl7.fhir.r4.model.Reference(patient));
    consent.setSource(new org.hl7.fhir.r4.model.Attachment().setContentType("application/pdf")
        .setTitle("Samtykkeerklæring").setData(dk.kfgateway.support.Pdfs.withPages(1)));
    consent.getPolicyFirstRep().setUri(wording);
    adjust.accept(consent);
    return fhirAs(MUNICIPALITY).create().resource(consent).execute().getId().getIdPart();
  }

  /** The consent decisions recorded for this citizen, newest first. */
  List<AuditEvent> decisions(String patient) {
    Bundle found = fhir.search().byUrl("AuditEvent?entity=" + patient + "&subtype=consent-decision&_sort=-date&_count=100")
        .returnBundle(Bundle.class).execute();
    return found.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
  }

  List<AuditEvent> audit(String patient, String subtype) {
    Bundle found = fhir.search().byUrl("AuditEvent?entity=" + patient + "&subtype=" + subtype + "&_count=100")
        .returnBundle(Bundle.class).execute();
    return found.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
  }

  static List<String> ruleIds(HttpResponse<String> response) {
    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    return outcome.getIssue().stream().map(i -> i.getDetails().getCodingFirstRep().getCode()).toList();
  }
}
