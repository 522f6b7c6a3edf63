package dk.kfgateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateway takes and answers JSON only, and says so in its CapabilityStatement: an XML body is refused with 415
 * (not a 500), an answer only in XML with 406, both as a JSON OperationOutcome naming the rule; a client that accepts
 * XML and JSON (a browser) is answered in JSON.
 */
class ClientSpeakingXmlTest extends GatewayIntegrationTest {

  private static final String MUNICIPALITY = "holbaek-jobcenter";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"application/fhir+xml", "application/xml", "text/xml", "application/fhir+xml; charset=UTF-8"})
  void anXmlBodyIsRefusedWith415AndNothingIsStored(String contentType) {
    String family = "Xml" + UUID.randomUUID().toString().substring(0, 8);
    String xml = "<Patient xmlns=\"http://hl7.org/fhir\"><identifier><system value=\"urn:oid:1.2.208.176.1.2\"/>"
        + "<value value=\"0101304999\"/></identifier><name><family value=\"" + family + "\"/></name></Patient>";

    HttpResponse<String> response = call("POST", "/Patient", contentType, xml, "application/fhir+json");

    assertRefused(response, 415, "FHIR-415");
    assertThat(response.body()).contains("application/fhir+json").doesNotContain("Exception");
    assertThat(fhir.search().forResource("Patient").where(org.hl7.fhir.r4.model.Patient.FAMILY.matches().value(family))
        .returnBundle(Bundle.class).execute().getEntry()).isEmpty();
  }

  @Test
  void anXmlTransactionIsRefusedWith415() {
    HttpResponse<String> response = call("POST", "", "application/fhir+xml",
        "<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"transaction\"/></Bundle>", null);

    assertRefused(response, 415, "FHIR-415");
  }

  @Test
  void aWriteAskingForXmlWithFormatIsRefusedWith415() {
    HttpResponse<String> response = call("POST", "/Patient?_format=xml", "application/fhir+json",
        "{\"resourceType\":\"Patient\"}", null);

    assertRefused(response, 415, "FHIR-415");
  }

  @Test
  void aReadAcceptingOnlyXmlIsRefusedWith406() {
    HttpResponse<String> response =
        call("GET", "/Organization/gp-clinic-nordvej", null, null, "application/fhir+xml");

    assertRefused(response, 406, "FHIR-406");
  }

  @Test
  void aReadAskingForXmlWithFormatIsRefusedWith406() {
    HttpResponse<String> response = call("GET", "/Organization/gp-clinic-nordvej?_format=xml", null, null, null);

    assertRefused(response, 406, "FHIR-406");
  }

  @Test
  void aBrowserAcceptingXmlAndAnythingGetsJson() {
    HttpResponse<String> response = call("GET", "/Organization/gp-clinic-nordvej", null, null,
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+json");
    assertThat(FHIR.newJsonParser().parseResource(Organization.class, response.body()).getIdElement().getIdPart())
        .isEqualTo("gp-clinic-nordvej");
  }

  @Test
  void theCapabilityStatementAnnouncesJsonOnly() {
    HttpResponse<String> response = call("GET", "/metadata", null, null, "application/fhir+json");
    CapabilityStatement statement = FHIR.newJsonParser().parseResource(CapabilityStatement.class, response.body());

    assertThat(statement.getFormat()).extracting(CodeType::getValue).containsExactly("application/fhir+json", "json");
    assertThat(statement.getPatchFormat()).extracting(CodeType::getValue)
        .containsExactly("application/fhir+json", "application/json-patch+json");
  }

  private HttpResponse<String> call(String method, String path, String contentType, String body, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("Authorization", "Bearer " + tokens.of(MUNICIPALITY));
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void assertRefused(HttpResponse<String> response, int status, String rule) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+json");
    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    List<String> rules = outcome.getIssue().stream().flatMap(i -> i.getDetails().getCoding().stream())
        .map(c -> c.getCode()).toList();
    assertThat(rules).containsExactly(rule);
  }
}
