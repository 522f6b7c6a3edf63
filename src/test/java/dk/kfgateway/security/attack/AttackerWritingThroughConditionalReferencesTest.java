package dk.kfgateway.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.ig.Ig;
import dk.kfgateway.support.Pdfs;
import dk.kfgateway.support.ReferralFixture;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue item 5: a conditional reference ({@code "reference": "ServiceRequest?_id=referral-2"}) got past the write
 * guard that refuses the literal one, and stored a document into another municipality's case; the answers (201, 404,
 * 412) told whether the resource exists. The allow-list takes no conditional reference in a written body (SEC-008),
 * whatever the type, alone or inside a batch, a transaction or a referral, so nothing is stored and nothing is told;
 * a literal reference to another party's resource answers exactly as one to an id that never existed.
 */
class AttackerWritingThroughConditionalReferencesTest extends AttackScenario {

  @Test
  void holbaekCanPostADocumentToItsOwnCase() {
    CaseFile own = holbaeksCase();

    Attempt attempt = attempt(Party.HOLBAEK, "POST", "/DocumentReference", json(document(own, own.serviceRequest())));

    assertThat(attempt.status()).as("the body the attacks start from is a valid write: " + attempt).isEqualTo(201);
  }

  @Test
  void aDocumentReferenceRelatedToAnotherMunicipalitysReferralByAConditionalReferenceIsRefused() {
    CaseFile own = holbaeksCase();
    CaseFile kalundborgs = victim();
    int before = documentsOf(kalundborgs);
    Instant since = now();

    Attempt attempt = attempt(Party.HOLBAEK, "POST", "/DocumentReference",
        json(document(own, "ServiceRequest?_id=" + CaseFile.idPart(kalundborgs.serviceRequest()))));

    assertRefusedByAllowList(attempt);
    assertThat(documentsOf(kalundborgs)).as("documents of Kalundborg's case").isEqualTo(before);
    assertAudited(Party.HOLBAEK, since);
  }

  @Test
  void theAnswerToAConditionalReferenceIsTheSameWhetherTheReferralExistsOrNot() {
    CaseFile own = holbaeksCase();
    CaseFile kalundborgs = victim();

    Attempt attempt = attempt(Party.HOLBAEK, "POST", "/DocumentReference",
        json(document(own, "ServiceRequest?_id=" + CaseFile.idPart(kalundborgs.serviceRequest()))));

    assertUnknownOrRefused(attempt, kalundborgs.serviceRequest());
  }

  @Test
  void aLiteralReferenceToAnotherMunicipalitysReferralAnswersAsOneToAnUnknownReferral() {
    CaseFile own = holbaeksCase();
    CaseFile kalundborgs = victim();
    int before = documentsOf(kalundborgs);

    Attempt attempt = attempt(Party.HOLBAEK, "POST", "/DocumentReference",
        json(document(own, kalundborgs.serviceRequest())));

    assertThat(attempt.status()).as(attempt.toString()).isBetween(400, 499);
    assertAnswersAsUnknown(attempt, kalundborgs.serviceRequest());
    assertThat(documentsOf(kalundborgs)).isEqualTo(before);
  }

  /** A write of each case type whose body names another party's resource by a conditional reference. */
  record Write(String name, Party attacker, String type, Function<Cases, Resource> body) {
    @Override
    public String toString() {
      return attacker + " writing " + name;
    }
  }

  record Cases(CaseFile own, CaseFile other) {}

  static Stream<Arguments> writes() {
    return Stream.of(
        new Write("a DocumentReference whose subject is Patient?identifier=<CPR>", Party.HOLBAEK,
            "DocumentReference", c -> document(c.own(), c.own().serviceRequest())
                .setSubject(new Reference("Patient?identifier=" + CPR + "|" + c.other().cpr()))),
        new Write("a DocumentReference whose context.related is ServiceRequest?_id=", Party.HOLBAEK,
            "DocumentReference", c -> document(c.own(), "ServiceRequest?_id=" + CaseFile.idPart(c.other().serviceRequest()))),
        new Write("a Consent whose patient is Patient?identifier=<CPR>", Party.HOLBAEK, "Consent",
            c -> consentFor(Party.HOLBAEK, Party.CLINIC_SJAELLAND, "Patient?identifier=" + CPR + "|" + c.other().cpr())),
        new Write("a cancellation Task whose focus is Task?_id=", Party.HOLBAEK, "Task",
            c -> abortRequest(c.own(), "Task?_id=" + CaseFile.idPart(c.other().task()))),
        new Write("a Binary whose securityContext is DocumentReference?_id=", Party.HOLBAEK, "Binary",
            c -> pdf("DocumentReference?_id=" + CaseFile.idPart(c.other().document()))),
        new Write("a Communication about ServiceRequest?_id=", Party.CLINIC_SJAELLAND, "Communication",
            c -> message(c.own(), "ServiceRequest?_id=" + CaseFile.idPart(c.other().serviceRequest()))),
        new Write("a Communication whose subject is Patient?identifier=<CPR>", Party.CLINIC_SJAELLAND, "Communication",
            c -> message(c.own(), c.own().serviceRequest())
                .setSubject(new Reference("Patient?identifier=" + CPR + "|" + c.other().cpr()))),
        new Write("a DocumentReference whose author is PractitionerRole?_has:...", Party.HOLBAEK, "DocumentReference",
            c -> document(c.own(), c.own().serviceRequest()).setAuthor(List.of(new Reference(
                "PractitionerRole?_has:Task:requester:patient.identifier=" + CPR + "|" + c.other().cpr())))))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void aConditionalReferenceInAWrittenBodyIsRefused(Write write) {
    Instant since = now();

    Attempt attempt = attempt(write.attacker(), "POST", "/" + write.type(), json(write.body().apply(cases())));

    assertRefusedByAllowList(attempt);
    assertAudited(write.attacker(), since);
  }

  @ParameterizedTest(name = "{0}, inside a transaction")
  @MethodSource("writes")
  void aConditionalReferenceInsideATransactionIsRefused(Write write) {
    Attempt attempt = attempt(write.attacker(), "POST", "", writing(Bundle.BundleType.TRANSACTION,
        Bundle.HTTPVerb.POST, write.type(), write.body().apply(cases()), null));

    assertRefusedByAllowList(attempt);
  }

  @ParameterizedTest(name = "{0}, inside a batch")
  @MethodSource("writes")
  void aConditionalReferenceInsideABatchIsRefused(Write write) {
    Attempt attempt = attempt(write.attacker(), "POST", "", writing(Bundle.BundleType.BATCH,
        Bundle.HTTPVerb.POST, write.type(), write.body().apply(cases()), null));

    assertRefusedByAllowList(attempt);
  }

  @Test
  void aConditionalReferenceToTheDirectoryIsRefusedToo() {
    CaseFile own = holbaeksCase();
    Patient citizen = readAs(Party.HOLBAEK, Patient.class, own.patient());
    citizen.setGeneralPractitioner(List.of(new Reference("Organization?_id=gp-clinic-nordvej")));

    Attempt attempt = attempt(Party.HOLBAEK, "PUT", "/" + own.patient(), json(citizen));

    assertRefusedByAllowList(attempt);
  }

  @Test
  void aReferralWithAConditionalReferenceToAnotherMunicipalitysReferralIsRefused() {
    CaseFile kalundborgs = victim();
    int before = documentsOf(kalundborgs);
    ReferralFixture referral = Referrals.from(Party.HOLBAEK, Party.CLINIC_SJAELLAND, Party.GP_NORDVEJ);
    referral.bundle().getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(DocumentReference.class::isInstance).map(DocumentReference.class::cast).findFirst().orElseThrow()
        .getContext().addRelated(new Reference("ServiceRequest?_id=" + CaseFile.idPart(kalundborgs.serviceRequest())));
    Instant since = now();

    Attempt attempt = attempt(Party.HOLBAEK, "POST", "", json(referral.bundle()));

    assertRefusedByAllowList(attempt);
    assertThat(documentsOf(kalundborgs)).isEqualTo(before);
    assertAudited(Party.HOLBAEK, since);
  }

  @ParameterizedTest(name = "{0} naming a resource of another party by a conditional reference")
  @EnumSource(value = Party.class, names = {"HOLBAEK", "ROSKILDE"})
  void aTaskCancellationNamingAnotherPartysTaskConditionallyIsRefused(Party municipality) {
    Cases cases = cases();
    Task cancellation = abortRequest(cases.own(), "Task?_id=" + CaseFile.idPart(cases.other().task()));
    cancellation.setRequester(new Reference(municipality.person));

    Attempt attempt = attempt(municipality, "POST", "/Task", json(cancellation));

    assertRefusedByAllowList(attempt);
  }

  private Cases cases() {
    return new Cases(holbaeksCase(), victim());
  }

  /** Kalundborg's case these attacks reach for: one of this class alone, as a successful attack would change it. */
  private CaseFile victim() {
    return shared("victim", () -> referrals().refer(Party.KALUNDBORG, Party.CLINIC_MIDTJYLLAND, Party.GP_STRANDVEJ));
  }

  private int documentsOf(CaseFile caseFile) {
    return fhir.search().byUrl("DocumentReference?related=" + caseFile.serviceRequest() + "&_count=100")
        .returnBundle(Bundle.class).execute().getEntry().size();
  }

  /** A complete case document of the case (author the case's caseworker), related to this referral reference. */
  static DocumentReference document(CaseFile own, String related) {
    DocumentReference document = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
        .setType(new CodeableConcept(new Coding(Ig.codeSystem(Ig.CS_DOCUMENT_TYPES), "le265", null)))
        .setSubject(new Reference(own.patient())).setDate(new Date());
    document.addAuthor(new Reference(own.municipality().person));
    document.getContext().addRelated(new Reference(related));
    document.addContent().setAttachment(new Attachment().setContentType("application/pdf")
        .setTitle("Opfølgning fra egen læge").setData(Pdfs.withPages(1)));
    document.addExtension(Ig.EXT_PAGE_COUNT, new IntegerType(1));
    return document;
  }

  /** The municipality's request to cancel its accepted task (guide pkt. 8), focus as given. */
  static Task abortRequest(CaseFile own, String focus) {
    Task abort = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
    abort.setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/CodeSystem/task-code", "abort", null)));
    abort.setFocus(new Reference(focus)).setFor(new Reference(own.patient()))
        .setRequester(new Reference(own.municipality().person)).setOwner(new Reference(own.clinic().organization))
        .setAuthoredOn(new Date());
    return abort;
  }

  static Binary pdf(String securityContext) {
    Binary binary = new Binary().setContentType("application/pdf");
    binary.setData(Pdfs.withPages(1));
    binary.setSecurityContext(new Reference(securityContext));
    return binary;
  }

  /** A message of the case's clinic to the case's municipality about this referral reference. */
  static Communication message(CaseFile own, String about) {
    Communication message = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED);
    message.addCategory(new CodeableConcept(
        new Coding("http://kf-gateway.dk/fhir/CodeSystem/kf-communication-categories", "result", null)));
    message.setSubject(new Reference(own.patient())).addAbout(new Reference(about)).setSent(new Date())
        .setSender(new Reference(own.clinic().organization))
        .addRecipient(new Reference(own.municipality().organization))
        .addPayload().setContent(new Reference(own.document()));
    return message;
  }
}
