package dk.kfgateway.referral;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.Pdfs;
import dk.kfgateway.support.ReferralFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * REF-010 holds for every document, not only a referral's: the clinic's statement posted on its own, changed by
 * update or patch, or sent in a transaction that is no referral, is a readable PDF, inline or in a Binary the gateway
 * holds; "hello world" declared as a PDF is refused with 422 and not stored.
 */
class ClinicPostingADocumentOutsideAReferralTest extends GatewayIntegrationTest {

  private static final String CLINIC = "kf-sjaelland-ehr";
  private static final byte[] HELLO_WORLD = Base64.getDecoder().decode("aGVsbG8gd29ybGQ=");

  private Task task;
  private String referralDocument;

  @BeforeEach
  void aReferralOfHolbaek() {
    Bundle stored = fhir.transaction().withBundle(ReferralFixture.referral("le275-certificate").bundle()).execute();
    String taskId = stored.getEntry().stream().map(e -> e.getResponse().getLocation())
        .filter(l -> l.startsWith("Task/")).findFirst().orElseThrow().split("/")[1];
    task = fhir.read().resource(Task.class).withId(taskId).execute();
    referralDocument = stored.getEntry().stream().map(e -> e.getResponse().getLocation())
        .filter(l -> l.startsWith("DocumentReference/")).findFirst().orElseThrow().replaceAll("/_history/.*", "");
  }

  @Test
  void helloWorldDeclaredAsAPdfIsRefused() {
    HttpResponse<String> response = sendAs(CLINIC, "POST", "/DocumentReference", json(statement(HELLO_WORLD)));

    assertRefused(response, "DocumentReference.content[0].attachment", "is not a PDF");
    assertThat(statementsAboutTheCase()).isEmpty();
  }

  @Test
  void aReadablePdfIsStored() {
    HttpResponse<String> response = sendAs(CLINIC, "POST", "/DocumentReference", json(statement(Pdfs.withPages(2))));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  @Test
  void aStoredStatementCannotBeReplacedByHelloWorld() {
    String id = created(statement(Pdfs.withPages(1)));
    DocumentReference stored = fhir.read().resource(DocumentReference.class).withId(id).execute();
    stored.getContentFirstRep().getAttachment().setData(HELLO_WORLD);

    HttpResponse<String> updated = write("PUT", "/DocumentReference/" + id, json(stored), "application/fhir+json",
        stored.getMeta().getVersionId());
    HttpResponse<String> patched = write("PATCH", "/DocumentReference/" + id,
        "[{\"op\":\"replace\",\"path\":\"/content/0/attachment/data\",\"value\":\"aGVsbG8gd29ybGQ=\"}]",
        "application/json-patch+json", stored.getMeta().getVersionId());

    assertRefused(updated, "DocumentReference.content[0].attachment", "is not a PDF");
    // a patch of a document is on no party's allow-list (SEC-008)
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(403);
    assertThat(patched.body()).contains("SEC-008");
    assertThat(fhir.read().resource(DocumentReference.class).withId(id).execute().getMeta().getVersionId())
        .isEqualTo("1");
  }

  @Test
  void helloWorldInATransactionThatIsNoReferralIsRefused() {
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    DocumentReference fromTheCaseworker = statement(HELLO_WORLD);
    fromTheCaseworker.getAuthorFirstRep().setReference("PractitionerRole/caseworker-holbaek");
    transaction.addEntry().setFullUrl("urn:uuid:5f0c1a2e-1d1b-4a57-9b7e-2a8f1c3d4e5f")
        .setResource(fromTheCaseworker)
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("DocumentReference");

    // the municipality is the only party with transactions on its allow-list (SEC-008)
    HttpResponse<String> response = sendAs("holbaek-jobcenter", "POST", "", json(transaction));

    assertRefused(response, "Bundle.entry[0].resource.content[0].attachment", "is not a PDF");
    assertThat(statementsAboutTheCase()).isEmpty();
  }

  @Test
  void aStatementInAStoredBinaryIsCheckedThere() {
    String readable = binary(Pdfs.withPages(1));
    String hello = binary(HELLO_WORLD);

    HttpResponse<String> good = sendAs(CLINIC, "POST", "/DocumentReference", json(statementIn(readable)));
    HttpResponse<String> bad = sendAs(CLINIC, "POST", "/DocumentReference", json(statementIn(hello)));
    HttpResponse<String> missing = sendAs(CLINIC, "POST", "/DocumentReference", json(statementIn("Binary/not-there")));

    assertThat(good.statusCode()).as(good.body()).isEqualTo(201);
    assertRefused(bad, "DocumentReference.content[0].attachment", "is not a PDF");
    assertRefused(missing, "DocumentReference.content[0].attachment", "'Binary/not-there', which is not a Binary");
  }

  /** A url next to readable data, or in a second content, would link a PDF nobody checked (or may see). */
  @Test
  void aDocumentIsOnePdfInOnePlace() {
    DocumentReference urlNextToData = statement(Pdfs.withPages(1));
    urlNextToData.getContentFirstRep().getAttachment().setUrl("Binary/not-there");
    DocumentReference secondContent = statement(Pdfs.withPages(1));
    secondContent.addContent().setAttachment(new Attachment().setContentType("application/pdf").setTitle("Bilag")
        .setUrl("Binary/not-there"));
    ReferralFixture referral = ReferralFixture.referral("le275-certificate");
    referral.bundle().getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(DocumentReference.class::isInstance).map(DocumentReference.class::cast).findFirst().orElseThrow()
        .addContent().setAttachment(new Attachment().setContentType("application/pdf").setUrl("Binary/not-there"));

    HttpResponse<String> both = sendAs(CLINIC, "POST", "/DocumentReference", json(urlNextToData));
    HttpResponse<String> two = sendAs(CLINIC, "POST", "/DocumentReference", json(secondContent));
    HttpResponse<String> inAReferral = sendAs("holbaek-jobcenter", "POST", "", json(referral.bundle()));

    assertRefused(both, "DocumentReference.content[0].attachment", "has both inline data and a url");
    assertRefused(two, "DocumentReference.content[0].attachment", "has 2 content entries");
    assertThat(inAReferral.statusCode()).as(inAReferral.body()).isEqualTo(422);
    assertThat(inAReferral.body()).contains("REF-010", "has 2 content entries");
    assertThat(statementsAboutTheCase()).isEmpty();
  }

  /**
   * A created Binary entry is stored under a new id, and only a {@code urn:} fullUrl is rewritten in the document's url:
   * a Binary entry named by any other url is not the document's content, whatever that url names.
   */
  @Test
  void aBinaryEntryIsTheContentOnlyByItsUrn() {
    String elsewhere = baseUrl() + "/" + binary(Pdfs.withPages(1));
    ReferralFixture referral = ReferralFixture.referral("le275-certificate");
    DocumentReference document = referral.bundle().getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(DocumentReference.class::isInstance).map(DocumentReference.class::cast).findFirst().orElseThrow();
    document.getContentFirstRep().getAttachment().setData(null).setUrl(elsewhere);
    referral.bundle().addEntry().setFullUrl(elsewhere)
        .setResource(new Binary().setContentType("application/pdf").setData(Pdfs.withPages(1)))
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Binary");

    HttpResponse<String> response = sendAs("holbaek-jobcenter", "POST", "", json(referral.bundle()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    assertThat(response.body()).contains("REF-010", "which is not a Binary entry of this Bundle");
  }

  private DocumentReference statement(byte[] content) {
    DocumentReference doc = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
        .setType(new CodeableConcept(new Coding("http://kf-gateway.dk/fhir/CodeSystem/kf-document-types", "le275",
            null)))
        .setSubject(task.getFor()).setDate(new Date());
    doc.addAuthor(new Reference("PractitionerRole/coordinator-holm"));
    doc.getContext().addRelated(task.getFocus());
    doc.addContent().setAttachment(new Attachment().setContentType("application/pdf").setTitle("Lægeattest")
        .setData(content));
    return doc;
  }

  private DocumentReference statementIn(String binary) {
    DocumentReference doc = statement(null);
    doc.getContentFirstRep().getAttachment().setData(null).setUrl(binary);
    return doc;
  }

  private String binary(byte[] content) {
    Binary binary = new Binary().setContentType("application/pdf").setData(content);
    binary.setSecurityContext(new Reference(referralDocument)); // a document of the case it belongs to (SEC-012)
    HttpResponse<String> response = sendAs(CLINIC, "POST", "/Binary", json(binary));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return response.headers().firstValue("Location").orElseThrow().replaceAll(".*/(Binary/[^/]+).*", "$1");
  }

  private String created(DocumentReference document) {
    HttpResponse<String> response = sendAs(CLINIC, "POST", "/DocumentReference", json(document));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return response.headers().firstValue("Location").orElseThrow()
        .replaceAll(".*/DocumentReference/([^/]+).*", "$1");
  }

  private List<?> statementsAboutTheCase() {
    return fhir.search().byUrl("DocumentReference?related=" + task.getFocus().getReference() + "&type=le275")
        .returnBundle(Bundle.class).execute().getEntry();
  }

  private HttpResponse<String> write(String method, String path, String body, String contentType, String version) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
          .header("Authorization", "Bearer " + tokens.of(CLINIC)).header("Content-Type", contentType)
          .header("Accept", "application/fhir+json").header("If-Match", "W/\"" + version + "\"")
          .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertRefused(HttpResponse<String> response, String location, String reason) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    OperationOutcome.OperationOutcomeIssueComponent issue =
        FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body()).getIssueFirstRep();
    assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo("REF-010");
    assertThat(issue.getExpression()).extracting(e -> e.getValue()).containsExactly(location);
    assertThat(issue.getDiagnostics()).contains(reason);
  }

  private static String json(org.hl7.fhir.r4.model.Resource resource) {
    return FHIR.newJsonParser().encodeResourceToString(resource);
  }
}
