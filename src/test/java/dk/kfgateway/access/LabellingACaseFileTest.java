package dk.kfgateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * Who may see each resource of a citizen's cases (bkg 2019 §3; guide pkt. 13): the labels the gateway writes with the
 * data, computed from the case file alone.
 */
class LabellingACaseFileTest {

  static final Function<String, Optional<String>> ORGS = reference -> Optional.of(
      reference.startsWith("PractitionerRole/caseworker-") ? "Organization/municipality-holbaek"
          : reference.startsWith("PractitionerRole/coordinator-") ? "Organization/kf-region-sjaelland" : reference);

  final AccessLabelPolicy policy = new AccessLabelPolicy();
  final Patient citizen = (Patient) new Patient()
      .addGeneralPractitioner(new Reference("Organization/gp-clinic-nordvej")).setId("citizen");
  final ServiceRequest referral = (ServiceRequest) new ServiceRequest()
      .setRequester(new Reference("PractitionerRole/caseworker-holbaek")).setId("referral");
  final Task task = (Task) new Task().setFor(new Reference("Patient/citizen")).setFocus(new Reference("ServiceRequest/referral"))
      .setRequester(new Reference("PractitionerRole/caseworker-holbaek"))
      .setOwner(new Reference("PractitionerRole/coordinator-holm")).setId("task");
  final Consent consent = (Consent) new Consent()
      .setOrganization(List.of(new Reference("Organization/municipality-holbaek"))).setId("consent");
  final Consent foreignConsent = (Consent) new Consent()
      .setOrganization(List.of(new Reference("Organization/municipality-roskilde"))).setId("foreign");
  final DocumentReference document = documentOf("doc", "Binary/pdf");
  final Binary pdf = (Binary) new Binary().setSecurityContext(new Reference("DocumentReference/doc")).setId("pdf");
  final Communication copy = (Communication) new Communication()
      .setSender(new Reference("Organization/kf-region-sjaelland"))
      .setRecipient(List.of(new Reference("Organization/gp-clinic-nordvej")))
      .setId("copy");

  @Test
  void while_the_consent_holds_the_clinic_sees_the_citizen_and_the_documents() {
    Map<String, Set<String>> labels = labels(true, List.of());

    assertThat(labels.get("Task/task")).containsExactly("kf-region-sjaelland", "municipality-holbaek");
    assertThat(labels.get("ServiceRequest/referral")).containsExactly("kf-region-sjaelland", "municipality-holbaek");
    assertThat(labels.get("Patient/citizen")).containsExactly("kf-region-sjaelland", "municipality-holbaek");
    assertThat(labels.get("DocumentReference/doc")).containsExactly("kf-region-sjaelland", "municipality-holbaek");
    assertThat(labels.get("Binary/pdf")).as("a Binary follows its DocumentReference")
        .isEqualTo(labels.get("DocumentReference/doc"));
    assertThat(labels.get("Consent/consent")).containsExactly("kf-region-sjaelland", "municipality-holbaek");
  }

  @Test
  void without_consent_the_clinic_keeps_its_task_but_not_the_citizen_or_the_documents() {
    Map<String, Set<String>> labels = labels(false, List.of());

    assertThat(labels.get("Task/task")).contains("kf-region-sjaelland");
    assertThat(labels.get("Patient/citizen")).containsExactly("municipality-holbaek");
    assertThat(labels.get("DocumentReference/doc")).containsExactly("municipality-holbaek");
    assertThat(labels.get("Binary/pdf")).containsExactly("municipality-holbaek");
  }

  @Test
  void another_municipalitys_consent_is_seen_by_it_alone_and_releases_nothing_to_the_clinic() {
    Map<String, Set<String>> labels = labels(false, List.of());

    assertThat(labels.get("Consent/foreign")).containsExactly("municipality-roskilde");
  }

  @Test
  void a_copy_addressed_to_the_gp_opens_the_citizen_and_the_document_it_carries_to_that_gp() {
    copy.addPayload().setContent(new Reference("DocumentReference/doc"));
    Map<String, Set<String>> labels = labels(false, List.of(copy));

    assertThat(labels.get("Communication/copy")).containsExactly("gp-clinic-nordvej", "kf-region-sjaelland");
    assertThat(labels.get("Patient/citizen")).contains("gp-clinic-nordvej");
    assertThat(labels.get("DocumentReference/doc")).contains("gp-clinic-nordvej");
    assertThat(labels.get("Binary/pdf")).contains("gp-clinic-nordvej");
  }

  @Test
  void a_copy_addressed_to_anyone_but_the_citizens_gp_or_the_municipality_opens_nothing_to_them() {
    copy.setRecipient(new java.util.ArrayList<>(List.of(new Reference("Organization/gp-clinic-strandvej"),
        new Reference("Organization/municipality-roskilde"))));
    copy.addPayload().setContent(new Reference("DocumentReference/doc"));
    Map<String, Set<String>> labels = labels(true, List.of(copy));

    assertThat(labels.get("Communication/copy")).containsExactly("kf-region-sjaelland");
    assertThat(labels.get("Patient/citizen")).doesNotContain("gp-clinic-strandvej", "municipality-roskilde");
    assertThat(labels.get("DocumentReference/doc")).doesNotContain("gp-clinic-strandvej", "municipality-roskilde");
  }

  @Test
  void an_author_opens_a_document_only_to_a_party_of_the_case() {
    document.setAuthor(new java.util.ArrayList<>(List.of(new Reference("PractitionerRole/caseworker-holbaek"),
        new Reference("Organization/municipality-roskilde"), new Reference("Organization/kf-region-sjaelland"))));

    assertThat(labels(false, List.of()).get("DocumentReference/doc")).containsExactly("municipality-holbaek");
    assertThat(labels(true, List.of()).get("DocumentReference/doc"))
        .containsExactly("kf-region-sjaelland", "municipality-holbaek");
  }

  @Test
  void a_returned_referral_releases_nothing_to_the_clinic_whatever_consent_exists() {
    task.setStatus(Task.TaskStatus.REJECTED);
    Map<String, Set<String>> labels = labels(true, List.of());

    assertThat(labels.get("Patient/citizen")).containsExactly("municipality-holbaek");
    assertThat(labels.get("DocumentReference/doc")).containsExactly("municipality-holbaek");
    assertThat(labels.get("Task/task")).contains("kf-region-sjaelland");
  }

  @Test
  void a_binary_gets_its_labels_from_its_security_context_alone() {
    Binary claimed = (Binary) new Binary().setSecurityContext(new Reference("DocumentReference/other-case")).setId("x");
    Binary unclaimed = (Binary) new Binary().setId("y");
    DocumentReference pointing = documentOf("pointing", "Binary/x");
    pointing.addContent().getAttachment().setUrl("Binary/y");
    CaseFile file = new CaseFile(citizen, List.of(task), List.of(referral), List.of(consent),
        List.of(document, pointing), List.of(pdf, claimed, unclaimed), List.of());

    Map<String, Set<String>> labels = policy.labels(file, ORGS, t -> true);

    assertThat(labels.get("Binary/pdf")).isEqualTo(labels.get("DocumentReference/doc"));
    assertThat(labels.get("Binary/x")).as("a document pointing at a Binary gives it nothing").isEmpty();
    assertThat(labels.get("Binary/y")).isEmpty();
  }

  private Map<String, Set<String>> labels(boolean consentHolds, List<Communication> copies) {
    CaseFile file = new CaseFile(citizen, List.of(task), List.of(referral), List.of(consent, foreignConsent),
        List.of(document), List.of(pdf), copies);
    return policy.labels(file, ORGS, t -> consentHolds);
  }

  private static DocumentReference documentOf(String id, String binary) {
    DocumentReference document = new DocumentReference();
    document.setId(id);
    document.setAuthor(List.of(new Reference("PractitionerRole/caseworker-holbaek")));
    document.getContext().addRelated(new Reference("ServiceRequest/referral"));
    document.addContent().setAttachment(new Attachment().setUrl(binary));
    return document;
  }
}
