package dk.kfgateway.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.ig.Ig;
import java.util.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;

/**
 * What an outside review did with the demo clients once the generic surface was closed: a party names an outsider in
 * a case's copies or documents so that the labels open the case to it, watches other parties' cases through a
 * Subscription's criteria, or probes CPRs with a transaction that is no referral.
 */
class AttackerOpeningACaseToOutsidersTest extends AttackScenario {

  @Test
  void theClinicAddressingACopyToAnOutsiderOpensNothingToIt() {
    CaseFile holbaeks = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    Communication copy = copy(holbaeks, "result", Party.ROSKILDE.organization);
    Communication wrongGp = copy(holbaeks, "certificate-copy", Party.GP_STRANDVEJ.organization);

    attempt(Party.CLINIC_SJAELLAND, "POST", "/Communication", json(copy));
    attempt(Party.CLINIC_SJAELLAND, "POST", "/Communication", json(wrongGp));

    for (String resource : new String[] {holbaeks.patient(), holbaeks.document()}) {
      assertThat(get(Party.ROSKILDE, "/" + resource).status()).as("Roskilde reads " + resource).isEqualTo(404);
      assertThat(get(Party.GP_STRANDVEJ, "/" + resource).status()).as("Strandvej reads " + resource).isEqualTo(404);
    }
  }

  @Test
  void theClinicCannotRewriteAMunicipalitysDocument() {
    CaseFile holbaeks = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    DocumentReference document = readAs(Party.CLINIC_SJAELLAND, DocumentReference.class, holbaeks.document());
    document.setCustodian(new Reference(Party.CLINIC_SJAELLAND.organization))
        .addAuthor(new Reference(Party.ROSKILDE.organization));

    Attempt attempt = attempt(Party.CLINIC_SJAELLAND, "PUT", "/" + holbaeks.document(), json(document),
        "If-Match", "W/\"" + document.getMeta().getVersionId() + "\"");

    assertRefusedWith(attempt, "SEC-005");
    assertThat(get(Party.ROSKILDE, "/" + holbaeks.document()).status()).isEqualTo(404);
  }

  @Test
  void aMunicipalityNamingTheClinicAsAuthorDoesNotReleaseADocumentWithoutConsent() {
    CaseFile holbaeks = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    withdrawConsent(Party.HOLBAEK, holbaeks.consent());
    DocumentReference document = AttackerWritingThroughConditionalReferencesTest.document(holbaeks,
        holbaeks.serviceRequest());
    document.addAuthor(new Reference(Party.CLINIC_SJAELLAND.organization));

    Attempt posted = attempt(Party.HOLBAEK, "POST", "/DocumentReference", json(document));

    assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    String created = posted.answer().headers().firstValue("Location").orElseThrow()
        .replaceAll(".*/(DocumentReference/[^/]+).*", "$1");
    assertThat(get(Party.CLINIC_SJAELLAND, "/" + created).status()).isEqualTo(404);
  }

  /**
   * Criteria may use only the parameters the role may subscribe with (a subset of its search parameters): anything
   * else is refused with 422 naming the parameter (NOTIF-001), never echoing a value (here a CPR).
   */
  @Test
  void aSubscriptionsCriteriaUseOnlyWhatTheRoleMaySubscribeWith() {
    for (String[] criteria : new String[][] {
        {"Task?requester=PractitionerRole/caseworker-kalundborg&patient._has:Task:patient:requester="
            + "PractitionerRole/caseworker-holbaek", "patient._has:Task:patient:requester"},
        {"Task?requester=PractitionerRole/caseworker-kalundborg&patient.identifier=" + Ig.CPR + "|0101304123",
            "patient.identifier"},
        {"Task?requester=PractitionerRole/caseworker-kalundborg&_include=Task:owner", "_include"}}) {
      Subscription subscription = new Subscription().setStatus(Subscription.SubscriptionStatus.REQUESTED)
          .setReason("probe").setCriteria(criteria[0]);
      subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK)
          .setEndpoint("https://sag.kalundborg.example/kf-notify/x").setPayload("application/fhir+json");

      Attempt attempt = attempt(Party.KALUNDBORG, "POST", "/Subscription", json(subscription));
      assertThat(attempt.status()).as("refused: %s", attempt).isEqualTo(422);
      assertThat(ruleOf(attempt)).isEqualTo("NOTIF-001");
      assertThat(attempt.text()).contains("'" + criteria[1] + "'").doesNotContain("0101304123");
    }
  }

  @Test
  void aTransactionThatIsNoReferralCannotProbeACpr() {
    CaseFile holbaeks = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    Patient probe = new Patient();
    probe.addIdentifier().setSystem(Ig.CPR).setValue(holbaeks.cpr());
    Bundle conditional = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    conditional.addEntry().setFullUrl("urn:uuid:8f14e45f-ceea-4e7a-9f3b-2b6c3f3f3a11").setResource(probe).getRequest()
        .setMethod(Bundle.HTTPVerb.POST).setUrl("Patient").setIfNoneExist("identifier=" + Ig.CPR + "|" + holbaeks.cpr());
    Bundle plain = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    plain.addEntry().setFullUrl("urn:uuid:8f14e45f-ceea-4e7a-9f3b-2b6c3f3f3a12").setResource(probe).getRequest()
        .setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");

    assertRefusedByAllowList(attempt(Party.KALUNDBORG, "POST", "", json(conditional)));
    assertRefusedByAllowList(attempt(Party.KALUNDBORG, "POST", "", json(plain)));
  }

  @Test
  void aFormPostedToTheBaseIsRefusedNotAServerError() {
    Attempt attempt = attempt(Party.HOLBAEK, "POST", "?_getpages=x&_getpagesoffset=0&_count=50", null);

    assertRefusedByAllowList(attempt);
  }

  @Test
  void aSubscriptionCannotCarryAnExtensionThatMakesHapiSearch() {
    Subscription subscription = new Subscription().setStatus(Subscription.SubscriptionStatus.REQUESTED)
        .setReason("probe").setCriteria("Task?requester=PractitionerRole/caseworker-kalundborg");
    subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK)
        .setEndpoint("https://sag.kalundborg.example/kf-notify/x").setPayload("application/fhir+json");
    subscription.addExtension("http://hapifhir.io/fhir/StructureDefinition/subscription-payload-search-criteria",
        new org.hl7.fhir.r4.model.StringType("Patient?identifier=" + Ig.CPR + "|0101304123"));

    assertRefusedByAllowList(attempt(Party.KALUNDBORG, "POST", "/Subscription", json(subscription)));
  }

  @Test
  void aMunicipalityCannotGiveItsCitizenAnotherCprAndLearnsNothingFromTrying() {
    CaseFile holbaeks = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    CaseFile kalundborgs = kalundborgsCase();
    Patient citizen = readAs(Party.HOLBAEK, Patient.class, holbaeks.patient());
    String version = "W/\"" + citizen.getMeta().getVersionId() + "\"";

    citizen.getIdentifierFirstRep().setValue(kalundborgs.cpr());
    Attempt known = attempt(Party.HOLBAEK, "PUT", "/" + holbaeks.patient(), json(citizen), "If-Match", version);
    citizen.getIdentifierFirstRep().setValue(dk.kfgateway.support.IgExamples.fictionalCpr());
    Attempt unknown = attempt(Party.HOLBAEK, "PUT", "/" + holbaeks.patient(), json(citizen), "If-Match", version);

    assertRefusedWith(known, "SEC-011");
    assertThat(known.status()).isEqualTo(unknown.status());
    assertThat(known.text()).isEqualTo(unknown.text());
  }

  /** A consent moved to another citizen would leave the first citizen's file open to the clinic without consent. */
  @Test
  void aMunicipalityCannotMoveAConsentToAnotherCitizen() {
    CaseFile first = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    CaseFile second = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    Attempt moved = update(Party.HOLBAEK, org.hl7.fhir.r4.model.Consent.class, first.consent(),
        consent -> consent.setPatient(new Reference(second.patient())));

    assertRefusedWith(moved, "SEC-011");
    assertThat(readAs(Party.HOLBAEK, org.hl7.fhir.r4.model.Consent.class, first.consent()).getPatient().getReference())
        .isEqualTo(first.patient());
  }

  @Test
  void theAdministratorCannotMoveACoordinatorsRoleAndTheCasesItOwnsToAnotherOrganisation() {
    PractitionerRole role = new PractitionerRole().setActive(true)
        .setPractitioner(new Reference("Practitioner/anders-holm"))
        .setOrganization(new Reference(Party.CLINIC_SJAELLAND.organization));
    role.getMeta().addProfile(Ig.CANONICAL + "/StructureDefinition/kf-practitionerrole");
    role.addCode(new CodeableConcept(new Coding(Ig.codeSystem(Ig.CS_PRACTITIONER_ROLES), "health-coordinator", null)));
    Attempt created = attempt(Party.ADMINISTRATOR, "POST", "/PractitionerRole", json(role));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.answer().headers().firstValue("Location").orElseThrow()
        .replaceAll(".*/(PractitionerRole/[^/]+).*", "$1");
    PractitionerRole stored = readAs(Party.ADMINISTRATOR, PractitionerRole.class, id);
    stored.setOrganization(new Reference(Party.GP_NORDVEJ.organization));

    Attempt moved = attempt(Party.ADMINISTRATOR, "PUT", "/" + id, json(stored),
        "If-Match", "W/\"" + stored.getMeta().getVersionId() + "\"");

    assertRefusedWith(moved, "SEC-011");
    assertThat(moved.text()).contains("PractitionerRole.organization");
    PractitionerRole kept = readAs(Party.ADMINISTRATOR, PractitionerRole.class, id);
    assertThat(kept.getOrganization().getReference()).isEqualTo(Party.CLINIC_SJAELLAND.organization);
    // the rest of a role stays the administrator's to keep up to date
    kept.setActive(false);
    Attempt ended = attempt(Party.ADMINISTRATOR, "PUT", "/" + id, json(kept),
        "If-Match", "W/\"" + kept.getMeta().getVersionId() + "\"");
    assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
  }

  @Test
  void theAdministratorCannotMakeAGpClinicAKliniskFunktionThatReferralsCouldBeSentTo() {
    org.hl7.fhir.r4.model.Organization clinic =
        readAs(Party.ADMINISTRATOR, org.hl7.fhir.r4.model.Organization.class, Party.GP_NORDVEJ.organization);
    String version = "W/\"" + clinic.getMeta().getVersionId() + "\"";
    org.hl7.fhir.r4.model.Organization retyped = clinic.copy();
    retyped.getType().forEach(type -> type.getCoding().stream()
        .filter(c -> Ig.codeSystem(Ig.CS_ORGANIZATION_TYPES).equals(c.getSystem())).forEach(c -> c.setCode("klinisk-funktion")));

    Attempt made = attempt(Party.ADMINISTRATOR, "PUT", "/" + Party.GP_NORDVEJ.organization, json(retyped),
        "If-Match", version);

    assertRefusedWith(made, "SEC-011");
    assertThat(made.text()).contains("Organization.type");
    assertThat(Ig.hasOrganizationType(readAs(Party.ADMINISTRATOR, org.hl7.fhir.r4.model.Organization.class,
        Party.GP_NORDVEJ.organization), "klinisk-funktion")).isFalse();
    // the rest of an organisation stays the administrator's to keep up to date
    Attempt kept = attempt(Party.ADMINISTRATOR, "PUT", "/" + Party.GP_NORDVEJ.organization, json(clinic),
        "If-Match", version);
    assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
  }

  /** A system that matches citizens by CPR would file the data under the other citizen. */
  @Test
  void aMunicipalityCannotWriteAnotherCitizensCprOnItsCase() {
    CaseFile first = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    CaseFile second = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    Attempt onTheConsent = update(Party.HOLBAEK, org.hl7.fhir.r4.model.Consent.class, first.consent(),
        consent -> consent.getPatient().getIdentifier().setSystem(Ig.CPR).setValue(second.cpr()));
    Attempt onTheTask = moveTask(Party.HOLBAEK, first.task(),
        task -> task.getFor().getIdentifier().setSystem(Ig.CPR).setValue(second.cpr()));

    org.hl7.fhir.r4.model.Consent another = readAs(Party.HOLBAEK, org.hl7.fhir.r4.model.Consent.class, first.consent())
        .copy();
    another.setId((String) null);
    another.getMeta().setVersionId(null).setLastUpdated(null);
    another.getPatient().getIdentifier().setSystem(Ig.CPR).setValue(second.cpr());
    Attempt aNewConsent = attempt(Party.HOLBAEK, "POST", "/Consent", json(another));

    assertRefusedWith(onTheConsent, "SEC-011");
    assertRefusedWith(aNewConsent, "SEC-011");
    assertThat(aNewConsent.text()).contains("Consent.patient", "not the citizen's own");
    assertThat(onTheTask.status()).as(onTheTask.toString()).isIn(403, 422);
    assertThat(onTheTask.text()).contains("WF-003", "Task.for");
    assertThat(readAs(Party.HOLBAEK, org.hl7.fhir.r4.model.Consent.class, first.consent()).getPatient()
        .hasIdentifier()).isFalse();
  }

  @Test
  void theClinicCannotMoveADocumentIntoAnotherCase() {
    CaseFile holbaeks = referrals().refer(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    CaseFile other = referrals().refer(Party.KALUNDBORG, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    DocumentReference statement = AttackerWritingThroughConditionalReferencesTest.document(holbaeks,
        holbaeks.serviceRequest());
    statement.setAuthor(new java.util.ArrayList<>(java.util.List.of(new Reference(Party.CLINIC_SJAELLAND.organization))));
    statement.setCustodian(new Reference(Party.CLINIC_SJAELLAND.organization));
    Attempt posted = attempt(Party.CLINIC_SJAELLAND, "POST", "/DocumentReference", json(statement));
    assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    String created = posted.answer().headers().firstValue("Location").orElseThrow()
        .replaceAll(".*/(DocumentReference/[^/]+).*", "$1");
    DocumentReference stored = readAs(Party.CLINIC_SJAELLAND, DocumentReference.class, created);
    stored.setSubject(new Reference(other.patient())).getContext().setRelated(
        new java.util.ArrayList<>(java.util.List.of(new Reference(other.serviceRequest()))));

    Attempt moved = attempt(Party.CLINIC_SJAELLAND, "PUT", "/" + created, json(stored),
        "If-Match", "W/\"" + stored.getMeta().getVersionId() + "\"");

    assertRefusedWith(moved, "SEC-011");
    assertThat(get(Party.KALUNDBORG, "/" + created).status()).isEqualTo(404);
  }

  private static Communication copy(CaseFile file, String category, String recipient) {
    Communication copy = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED);
    copy.getMeta().addProfile(Ig.CANONICAL + "/StructureDefinition/kf-communication");
    copy.addCategory(new CodeableConcept(new Coding(Ig.CANONICAL + "/CodeSystem/kf-communication-categories",
        category, null)));
    copy.setSubject(new Reference(file.patient())).addAbout(new Reference(file.serviceRequest()))
        .setSent(new Date()).setSender(new Reference(Party.CLINIC_SJAELLAND.organization))
        .addRecipient(new Reference(recipient))
        .addPayload().setContent(new Reference(file.document()));
    return copy;
  }
}
