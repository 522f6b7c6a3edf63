package dk.kfgateway.security.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import dk.kfgateway.fhir.FhirServerConfig;
import dk.kfgateway.security.PartyRole;
import dk.kfgateway.support.GatewayIntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * SEC-008, walked generatively: for every role, every served resource type, every interaction, search parameter,
 * modifier, chain, include and header that is <em>not</em> on the role's list ({@code security/allow-list.yaml}), the
 * gateway answers 403 naming SEC-008 (or SEC-002 where the token's scopes already lack the type); and every search
 * parameter that is on the list is not refused by it.
 */
class RolesBeyondTheirAllowListTest extends GatewayIntegrationTest {

  /** One demo client per role. */
  static final Map<PartyRole, String> CLIENTS = Map.of(
      PartyRole.MUNICIPALITY, "holbaek-jobcenter",
      PartyRole.CLINIC, "kf-sjaelland-ehr",
      PartyRole.SECRETARIAT, "kf-sjaelland-secretariat",
      PartyRole.GP, "gp-nordvej",
      PartyRole.ADMINISTRATOR, "gateway-admin");

  /** Parameters that no list may ever name: each selects or counts by a way around the narrowing. */
  static final List<String> NEVER = List.of("_has:Task:requester:patient.identifier", "_security", "_tag", "_profile",
      "_source", "_list", "_filter", "_content", "_text", "_query", "_total", "_summary", "_elements", "_contained",
      "_containedType", "_include:iterate", "_revinclude:iterate", "_type");

  static final List<String> TYPES = FhirServerConfig.SERVED_TYPES.stream()
      .filter(t -> !t.equals("Bundle") && !t.equals("OperationOutcome")).toList();

  private static final FhirContext R4 = FhirContext.forR4Cached();
  private final AllowList allowList = AllowListYaml.load();

  @TestFactory
  Stream<DynamicTest> everyInteractionOffTheListIsRefused() {
    List<DynamicTest> tests = new ArrayList<>();
    for (PartyRole role : PartyRole.values()) {
      for (String type : TYPES) {
        TypeGrant grant = allowList.of(role).on(type).orElse(null);
        for (Interaction interaction : Interaction.values()) {
          if (grant == null || !grant.allows(interaction)) {
            tests.add(refused(role, interaction.code() + " " + type, request(interaction, type)));
          }
        }
        tests.add(refused(role, "instance history of " + type, new Call("GET", "/" + type + "/x/_history", null)));
        tests.add(refused(role, "type history of " + type, new Call("GET", "/" + type + "/_history", null)));
        tests.add(refused(role, "$meta of " + type, new Call("GET", "/" + type + "/x/$meta", null)));
        tests.add(refused(role, "$validate of " + type, new Call("POST", "/" + type + "/$validate", body(type))));
        tests.add(refused(role, "$everything of " + type, new Call("GET", "/" + type + "/x/$everything", null)));
        tests.add(refused(role, "$expunge of " + type, new Call("POST", "/" + type + "/$expunge", PARAMETERS)));
        tests.add(refused(role, "conditional create of " + type,
            new Call("POST", "/" + type, body(type), Map.of("If-None-Exist", "_id=x"))));
        tests.add(refused(role, "conditional update of " + type, new Call("PUT", "/" + type + "?_id=x", body(type))));
        tests.add(refused(role, "conditional delete of " + type, new Call("DELETE", "/" + type + "?_id=x", null)));
        tests.add(refused(role, "conditional patch of " + type, new Call("PATCH", "/" + type + "?_id=x", PATCH)));
      }
      tests.add(refused(role, "a batch", new Call("POST", "", "{\"resourceType\":\"Bundle\",\"type\":\"batch\","
          + "\"entry\":[{\"request\":{\"method\":\"GET\",\"url\":\"Organization?_id=x\"}}]}")));
      tests.add(refused(role, "a search across all types", new Call("GET", "?_id=x", null)));
      tests.add(refused(role, "system history", new Call("GET", "/_history", null)));
      tests.add(refused(role, "GraphQL", new Call("GET", "/$graphql?query=%7BPatientList%7Bid%7D%7D", null)));
      tests.add(refused(role, "$reindex", new Call("POST", "/$reindex", PARAMETERS)));
      if (!allowList.of(role).mayTransact()) {
        tests.add(refused(role, "a transaction", new Call("POST", "", transaction("POST", "Organization", null))));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everySearchParameterOffTheListIsRefused() {
    List<DynamicTest> tests = new ArrayList<>();
    forEachSearchGrant((role, type, grant) -> {
        for (String parameter : candidates(type, grant)) {
          if (!grant.search().contains(parameter)) {
            tests.add(refused(role, type + "?" + parameter, search(type, parameter, "x")));
          }
        }
        for (String include : includes(type)) {
          if (!grant.include().contains(include)) {
            tests.add(refused(role, type + "?_include=" + include, search(type, "_include", include)));
          }
          if (!grant.revinclude().contains(include)) {
            tests.add(refused(role, type + "?_revinclude=" + include, search(type, "_revinclude", include)));
          }
        }
        for (String include : grant.include()) {
          tests.add(refused(role, type + "?_include:iterate=" + include, search(type, "_include:iterate", include)));
        }
        tests.add(refused(role, type + "?_sort=_id", search(type, "_sort", "_id")));
    });
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everySearchParameterOnTheListPassesIt() {
    List<DynamicTest> tests = new ArrayList<>();
    forEachSearchGrant((role, type, grant) -> {
        for (String parameter : grant.search()) {
          tests.add(DynamicTest.dynamicTest(role + " " + type + "?" + parameter, () -> {
            HttpResponse<String> answer = call(role, search(type, parameter, "x"));
            assertThat(answer.body()).as(answer.statusCode() + " " + answer.body()).doesNotContain("SEC-008");
            assertThat(answer.statusCode()).as(answer.body()).isLessThan(500);
          }));
        }
    });
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> aTransactionDoesOnlyWhatItsListSays() {
    String cpr = "identifier=urn:oid:1.2.208.176.1.2|0101901234";
    Map<String, String> bundles = Map.of(
        "an update entry", transaction("PUT", "Patient/citizen-karen", null),
        "a delete entry", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"request\":"
            + "{\"method\":\"DELETE\",\"url\":\"Task/task-1\"}}]}",
        "a read entry", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"request\":"
            + "{\"method\":\"GET\",\"url\":\"Patient?identifier=x\"}}]}",
        "a conditional create of a document", transaction("POST", "DocumentReference", "_id=referral-1-doc-1"),
        "a conditional create of the citizen by another criterion", transaction("POST", "Patient", "_id=citizen-karen"),
        "a conditional create of the citizen by CPR and more", transaction("POST", "Patient", cpr + "&name=x"),
        "a create of a type not on the list", transaction("POST", "Communication", null),
        "a conditional reference", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
            + "{\"resourceType\":\"Consent\",\"patient\":{\"reference\":\"Patient?" + cpr + "\"}},"
            + "\"request\":{\"method\":\"POST\",\"url\":\"Consent\"}}]}");
    return bundles.entrySet().stream()
        .map(e -> refused(PartyRole.MUNICIPALITY, e.getKey(), new Call("POST", "", e.getValue())));
  }

  /** Each role and type whose grant has search. */
  private void forEachSearchGrant(SearchGrant each) {
    for (PartyRole role : PartyRole.values()) {
      for (String type : TYPES) {
        allowList.of(role).on(type).filter(g -> g.allows(Interaction.SEARCH)).ifPresent(g -> each.on(role, type, g));
      }
    }
  }

  interface SearchGrant {
    void on(PartyRole role, String type, TypeGrant grant);
  }

  private DynamicTest refused(PartyRole role, String what, Call call) {
    return DynamicTest.dynamicTest(role + ": " + what, () -> {
      HttpResponse<String> answer = call(role, call);
      assertThat(answer.statusCode()).as(call + " -> " + answer.body()).isEqualTo(403);
      assertThat(answer.body()).as(call.toString()).containsAnyOf("\"SEC-008\"", "\"SEC-002\"");
    });
  }

  private HttpResponse<String> call(PartyRole role, Call call) {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + call.path()))
        .header("Authorization", "Bearer " + tokens.of(CLIENTS.get(role)))
        .header("Accept", "application/fhir+json");
    call.headers().forEach(request::header);
    if (call.body() == null) {
      request.method(call.method(), java.net.http.HttpRequest.BodyPublishers.noBody());
    } else {
      String contentType = call.method().equals("PATCH") ? "application/json-patch+json" : "application/fhir+json";
      request.header("Content-Type", contentType)
          .method(call.method(), java.net.http.HttpRequest.BodyPublishers.ofString(call.body()));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** HAPI's own parameters of the type, the IG's, the modifiers and a chain of each, and those no list names. */
  private static Set<String> candidates(String type, TypeGrant grant) {
    Set<String> all = new LinkedHashSet<>(NEVER);
    all.add("_lastUpdated");
    all.add("_id");
    for (RuntimeSearchParam parameter : R4.getResourceDefinition(type).getSearchParams()) {
      all.add(parameter.getName());
    }
    for (String parameter : grant.search()) {
      all.add(parameter + ":missing");
      all.add(parameter + ":not");
      all.add(parameter + ":exact");
      all.add(parameter + ".identifier");
    }
    return all;
  }

  private static List<String> includes(String type) {
    return R4.getResourceDefinition(type).getSearchParams().stream()
        .filter(p -> p.getParamType() == RestSearchParameterTypeEnum.REFERENCE)
        .map(p -> type + ":" + p.getName()).toList();
  }

  private static Call search(String type, String parameter, String value) {
    return new Call("GET", "/" + type + "?" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8), null);
  }

  private static Call request(Interaction interaction, String type) {
    return switch (interaction) {
      case READ -> new Call("GET", "/" + type + "/x", null);
      case VREAD -> new Call("GET", "/" + type + "/x/_history/1", null);
      case SEARCH -> new Call("GET", "/" + type + "?_count=1", null);
      case CREATE -> new Call("POST", "/" + type, body(type));
      case UPDATE -> new Call("PUT", "/" + type + "/x", body(type).replace("{", "{\"id\":\"x\","));
      case PATCH -> new Call("PATCH", "/" + type + "/x", PATCH);
      case DELETE -> new Call("DELETE", "/" + type + "/x", null);
    };
  }

  private static String body(String type) {
    return "{\"resourceType\":\"" + type + "\"}";
  }

  private static String transaction(String method, String url, String ifNoneExist) {
    String type = url.split("/")[0];
    return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
        + body(type).replace("{", "{" + (url.contains("/") ? "\"id\":\"" + url.split("/")[1] + "\"," : ""))
        + ",\"request\":{\"method\":\"" + method + "\",\"url\":\"" + url + "\""
        + (ifNoneExist == null ? "" : ",\"ifNoneExist\":\"" + ifNoneExist + "\"") + "}}]}";
  }

  static final String PATCH = "[{\"op\":\"replace\",\"path\":\"/active\",\"value\":true}]";
  static final String PARAMETERS = "{\"resourceType\":\"Parameters\"}";

  record Call(String method, String path, String body, Map<String, String> headers) {
    Call(String method, String path, String body) {
      this(method, path, body, Map.of());
    }

    @Override
    public String toString() {
      return method + " " + path + (headers.isEmpty() ? "" : " " + headers);
    }
  }
}
