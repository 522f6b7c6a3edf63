package dk.kfgateway.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ca.uhn.fhir.context.FhirContext;
import dk.kfgateway.support.GatewayIntegrationTest;
import dk.kfgateway.support.Pdfs;
import dk.kfgateway.support.ReferralFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A generated corpus of malformed and hostile requests, sent to every write path as the party that may write there:
 * broken JSON and XML, wrong types, huge bodies, deep nesting, invalid CPR numbers, unknown codes, references to other
 * municipalities' cases, PDF bombs and attachments that are not PDFs. Each is refused with a 4xx and an
 * OperationOutcome, never a 5xx, and nothing of it is stored (no new resource, no new version).
 */
class HostileInputTest extends GatewayIntegrationTest {

  private static final String MUNICIPALITY = "holbaek-jobcenter";
  private static final String CLINIC = "kf-sjaelland-ehr";
  private static final String JSON = "application/fhir+json";
  private static final String XML = "application/fhir+xml";
  private static final FhirContext R4 = FhirContext.forR4Cached();

  /** Every write path with the client that may write there. */
  private static final List<String[]> WRITE_PATHS = List.of(
      new String[] {MUNICIPALITY, "POST", "", "Bundle"},
      new String[] {MUNICIPALITY, "POST", "Patient", "Patient"},
      new String[] {MUNICIPALITY, "POST", "ServiceRequest", "ServiceRequest"},
      new String[] {MUNICIPALITY, "POST", "Task", "Task"},
      new String[] {MUNICIPALITY, "POST", "Consent", "Consent"},
      new String[] {MUNICIPALITY, "POST", "DocumentReference", "DocumentReference"},
      new String[] {MUNICIPALITY, "POST", "Binary", "Binary"},
      new String[] {MUNICIPALITY, "PUT", "Patient/citizen-karen", "Patient"},
      new String[] {CLINIC, "POST", "Communication", "Communication"},
      new String[] {CLINIC, "POST", "DocumentReference", "DocumentReference"},
      new String[] {CLINIC, "PUT", "Task/task-1", "Task"});

  /**
   * Hostile requests the gateway does not refuse properly yet, by case name, with what happens and whose code it is:
   * reported skipped (not silently passed) until fixed; remove an entry when its fix lands.
   */
  static final Map<String, String> KNOWN_GAPS = Map.of();

  /** PDFs that lie about or loop through their pages: PDFBox counts their real pages, so accepting them is fine. */
  static final Set<String> MAY_BE_ACCEPTED = Set.of(
      "referral whose PDF claims a hundred million pages", "referral whose PDF has a cyclic page tree");

  @Autowired private DataSource dataSource;

  /** One hostile request. */
  record Hostile(String name, String client, String method, String path, String contentType, byte[] body) {
    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void is_refused_with_an_operation_outcome_and_nothing_is_stored(Hostile request) throws Exception {
    assumeFalse(KNOWN_GAPS.containsKey(request.name()), () -> "KNOWN GAP: " + KNOWN_GAPS.get(request.name()));
    long before = storedVersions();

    HttpResponse<String> response;
    try {
      response = send(request);
    } catch (java.io.IOException closed) {
      // The size limit refuses by Content-Length and the server closes the connection without reading 70 MB: a client
      // still uploading may see only the close instead of the 413. Refused all the same, and nothing may be stored.
      assertThat(request.name()).as("only the oversized body may lose its answer: " + closed).contains("size limit");
      assertThat(storedVersions()).as("resources and versions stored").isEqualTo(before);
      return;
    }

    if (MAY_BE_ACCEPTED.contains(request.name()) && response.statusCode() / 100 == 2) {
      return; // harmless once its real pages are counted; a whole referral, stored as any other
    }
    assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
    if (request.contentType().equals(XML)) {
      assertThat(response.statusCode()).as("XML is refused before it is parsed").isEqualTo(415);
    }
    OperationOutcome outcome = R4.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssue()).as(response.body()).isNotEmpty();
    assertThat(storedVersions()).as("resources and versions stored").isEqualTo(before);
  }

  static Stream<Hostile> corpus() {
    List<Hostile> corpus = new ArrayList<>();
    for (String[] path : WRITE_PATHS) {
      String client = path[0];
      String method = path[1];
      String url = path[2];
      String type = path[3];
      String where = method + " /" + url + " ";
      String id = url.contains("/") ? "\"id\":\"" + url.substring(url.indexOf('/') + 1) + "\"," : "";
      corpus.add(json(where + "truncated JSON", client, method, url, "{\"resourceType\":\"" + type + "\"," + id + "\"id\":"));
      corpus.add(json(where + "not JSON at all", client, method, url, "<<<this is not json>>>"));
      corpus.add(json(where + "empty body", client, method, url, ""));
      corpus.add(json(where + "a JSON array", client, method, url, "[1,2,3]"));
      corpus.add(json(where + "an unknown resource type", client, method, url, "{\"resourceType\":\"Banana\"," + id + "\"peel\":1}"));
      corpus.add(json(where + "wrong element types", client, method, url, "{\"resourceType\":\"" + type + "\"," + id
          + "\"meta\":\"yes\",\"text\":[1],\"contained\":{\"x\":true}}"));
      corpus.add(json(where + "extensions nested 3000 deep", client, method, url, nestedExtensions(type, id, 3000)));
      corpus.add(json(where + "arrays nested 100000 deep", client, method, url, "[".repeat(100_000) + "]".repeat(100_000)));
      corpus.add(json(where + "a 5 MB unknown element", client, method, url, "{\"resourceType\":\"" + type + "\"," + id
          + "\"junk\":\"" + "A".repeat(5 * 1024 * 1024) + "\"}"));
      corpus.add(raw(where + "truncated XML", client, method, url, XML,
          "<" + type + " xmlns=\"http://hl7.org/fhir\"><id value=\"x\"/><meta><versionId "));
      corpus.add(raw(where + "XML with an external entity", client, method, url, XML,
          "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><" + type
              + " xmlns=\"http://hl7.org/fhir\"><text><status value=\"generated\"/><div xmlns=\"http://www.w3.org/1999/xhtml\">&e;</div></text></" + type + ">"));
      corpus.add(raw(where + "XML entity expansion (billion laughs)", client, method, url, XML, billionLaughs(type)));
    }
    corpus.add(raw("POST / a body above the size limit (70 MB)", MUNICIPALITY, "POST", "", JSON,
        "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"junk\":\"" + "A".repeat(70 * 1024 * 1024) + "\"}"));
    corpus.addAll(referrals());
    corpus.addAll(otherTenants());
    return corpus.stream();
  }

  /** Whole referrals that are well-formed but hostile in one point. */
  private static List<Hostile> referrals() {
    List<Hostile> list = new ArrayList<>();
    list.add(referral("referral with a CPR of letters", r -> r.patient().getIdentifierFirstRep().setValue("abcdefghij")));
    list.add(referral("referral with a CPR of five digits", r -> r.patient().getIdentifierFirstRep().setValue("12345")));
    list.add(referral("referral with a CPR of day 32", r -> r.patient().getIdentifierFirstRep().setValue("3213991234")));
    list.add(referral("referral for an unknown service", r -> r.serviceRequest().getCode().getCodingFirstRep().setCode("no-such-service")));
    list.add(referral("referral with an unknown case type", r -> r.serviceRequest().getCategoryFirstRep().getCodingFirstRep().setCode("no-such-case-type")));
    list.add(referral("referral with an unknown document type", r -> documents(r).get(1).getType().getCodingFirstRep().setCode("no-such-type")));
    list.add(referral("referral with an unknown code system for the service", r -> r.serviceRequest().getCode().setCoding(
        List.of(new Coding("http://example.org/unknown", "le275-certificate", null)))));
    list.add(referral("referral whose PDF claims a hundred million pages", r -> pdf(r, HostilePdfs.claimingAHundredMillionPages())));
    list.add(referral("referral whose PDF has a cyclic page tree", r -> pdf(r, HostilePdfs.withACyclicPageTree())));
    list.add(referral("referral whose PDF has a page tree 10000 deep", r -> pdf(r, HostilePdfs.withADeepPageTree())));
    list.add(referral("referral with a Word file labelled as PDF", r -> pdf(r, Pdfs.notAPdf())));
    list.add(referral("referral with a damaged PDF", r -> pdf(r, Pdfs.damaged())));
    list.add(referral("referral with a ZIP attachment", r -> documents(r).get(1).getContentFirstRep().getAttachment()
        .setContentType("application/zip").setData(new byte[] {'P', 'K', 3, 4, 0, 0})));
    list.add(referral("referral with an HTML attachment", r -> documents(r).get(1).getContentFirstRep().getAttachment()
        .setContentType("text/html").setData("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))));
    return list;
  }

  /** Writes that reach into another municipality's case (Kalundborg's referral-2, task-2, citizen-jonas). */
  private static List<Hostile> otherTenants() {
    List<Hostile> list = new ArrayList<>();
    list.add(referral("referral requested in the name of Kalundborg's caseworker",
        r -> { r.serviceRequest().setRequester(new Reference("PractitionerRole/caseworker-kalundborg"));
          r.task().setRequester(new Reference("PractitionerRole/caseworker-kalundborg")); }));
    list.add(referral("referral whose documents belong to Kalundborg's referral",
        r -> documents(r).forEach(d -> d.getContext().getRelatedFirstRep().setReference("ServiceRequest/referral-2"))));
    DocumentReference doc = new DocumentReference().setStatus(org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.CURRENT);
    doc.getType().addCoding(new Coding("http://kf-gateway.dk/fhir/CodeSystem/kf-document-types", "epicrisis", null));
    doc.setSubject(new Reference("Patient/citizen-jonas")).setDate(new java.util.Date());
    doc.addAuthor(new Reference(ReferralFixture.CASEWORKER));
    doc.getContext().addRelated(new Reference("ServiceRequest/referral-2"));
    doc.addContent().getAttachment().setContentType("application/pdf").setTitle("Epikrise").setData(Pdfs.withPages(1));
    list.add(json("a document added to Kalundborg's referral", MUNICIPALITY, "POST", "DocumentReference",
        R4.newJsonParser().encodeResourceToString(doc)));
    list.add(json("Kalundborg's task changed by Holbæk", MUNICIPALITY, "PUT", "Task/task-2",
        "{\"resourceType\":\"Task\",\"id\":\"task-2\",\"status\":\"cancelled\",\"intent\":\"order\"}"));
    list.add(json("Kalundborg's citizen changed by Holbæk", MUNICIPALITY, "PUT", "Patient/citizen-jonas",
        "{\"resourceType\":\"Patient\",\"id\":\"citizen-jonas\",\"name\":[{\"family\":\"Overwritten\"}]}"));
    return list;
  }

  private static Hostile referral(String name, Consumer<ReferralFixture> change) {
    ReferralFixture referral = ReferralFixture.referral("le275-certificate");
    change.accept(referral);
    return json(name, MUNICIPALITY, "POST", "", R4.newJsonParser().encodeResourceToString(referral.bundle()));
  }

  private static List<DocumentReference> documents(ReferralFixture referral) {
    return referral.bundle().getEntry().stream().map(e -> e.getResource())
        .filter(DocumentReference.class::isInstance).map(DocumentReference.class::cast).toList();
  }

  private static void pdf(ReferralFixture referral, byte[] content) {
    documents(referral).get(1).getContentFirstRep().getAttachment().setContentType("application/pdf").setData(content);
  }

  private static String nestedExtensions(String type, String id, int depth) {
    String open = "{\"url\":\"http://example.org/x\",\"extension\":[";
    return "{\"resourceType\":\"" + type + "\"," + id + "\"extension\":[" + open.repeat(depth)
        + "{\"url\":\"http://example.org/x\",\"valueString\":\"deep\"}" + "]}".repeat(depth) + "]}";
  }

  private static String billionLaughs(String type) {
    StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY l0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    return dtd + "]><" + type + " xmlns=\"http://hl7.org/fhir\"><text><status value=\"generated\"/>"
        + "<div xmlns=\"http://www.w3.org/1999/xhtml\">&l9;</div></text></" + type + ">";
  }

  private static Hostile json(String name, String client, String method, String path, String body) {
    return raw(name, client, method, path, JSON, body);
  }

  private static Hostile raw(String name, String client, String method, String path, String contentType, String body) {
    return new Hostile(name, client, method, path, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(Hostile request) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + (request.path().isEmpty() ? "" : "/" + request.path())))
        .header("Authorization", "Bearer " + tokens.of(request.client()))
        .header("Accept", JSON).header("Content-Type", request.contentType())
        .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
    if (request.method().equals("PUT")) {
      builder.header("If-Match", "W/\"1\"");
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Every resource and every version the database holds, audit records aside (refusals are audited on purpose). */
  private long storedVersions() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT (SELECT COUNT(*) FROM HFJ_RESOURCE WHERE RES_TYPE <> 'AuditEvent')"
            + " + (SELECT COUNT(*) FROM HFJ_RES_VER WHERE RES_TYPE NOT IN ('AuditEvent', 'Communication'))")) {
      r.next();
      return r.getLong(1);
    }
  }
}
