package dk.kfgateway.security.attack;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/** Requests and answers as text: what the scenarios send, and how two answers are compared apart from an id. */
final class Answers {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SEARCH_ID = Pattern.compile("_getpages=[0-9a-fA-F-]+");
  /** Neither a letter, a digit, a dot nor a hyphen around a token: task-1 is not in task-10 or task-1-a. */
  private static final String BEFORE = "(?<![A-Za-z0-9.\\-])";
  private static final String AFTER = "(?![A-Za-z0-9.\\-])";

  private Answers() {}

  static String json(Resource resource) {
    return FHIR.newJsonParser().encodeResourceToString(resource);
  }

  /** A Bundle of this type whose entries only read (GET) these URLs. */
  static String reading(Bundle.BundleType type, String... urls) {
    Bundle bundle = new Bundle().setType(type);
    for (String url : urls) {
      bundle.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl(url);
    }
    return json(bundle);
  }

  /** A Bundle of this type with one entry writing this resource, conditionally when ifNoneExist is given. */
  static String writing(Bundle.BundleType type, Bundle.HTTPVerb method, String url, Resource resource,
      String ifNoneExist) {
    Bundle bundle = new Bundle().setType(type);
    Bundle.BundleEntryComponent entry = bundle.addEntry().setResource(resource);
    if (method == Bundle.HTTPVerb.POST) {
      entry.setFullUrl("urn:uuid:" + UUID.randomUUID());
    }
    entry.getRequest().setMethod(method).setUrl(url).setIfNoneExist(ifNoneExist);
    return json(bundle);
  }

  /** A path and query as a client puts them on the wire. */
  static String encoded(String path) {
    return path.replace("|", "%7C").replace(" ", "%20").replace("\"", "%22").replace("{", "%7B").replace("}", "%7D");
  }

  /** Replaces an id as a whole token. */
  static String replaced(String text, String token, String replacement) {
    return text.replaceAll(BEFORE + Pattern.quote(token) + AFTER, Matcher.quoteReplacement(replacement));
  }

  static boolean names(String text, String token) {
    return Pattern.compile(BEFORE + Pattern.quote(token) + AFTER).matcher(text).find();
  }

  /** A JSON Bundle without what differs between any two answers (its id, time stamp and paging ids). */
  static String normalised(String body) {
    JsonNode tree = tree(body);
    if (tree instanceof ObjectNode bundle && "Bundle".equals(bundle.path("resourceType").asText())) {
      bundle.remove("id");
      bundle.remove("meta");
      return SEARCH_ID.matcher(bundle.toPrettyString()).replaceAll("_getpages=*");
    }
    return body;
  }

  /** The answer without a Bundle's own id and links (which repeat the query as it was sent). */
  static String withoutLinks(String body) {
    JsonNode tree = tree(body);
    if (tree instanceof ObjectNode bundle && "Bundle".equals(bundle.path("resourceType").asText())) {
      bundle.remove("link");
      bundle.remove("id");
      return bundle.toString();
    }
    return body;
  }

  /** The rule id of an OperationOutcome's first issue, or null. */
  static String ruleOf(String body) {
    if (!"OperationOutcome".equals(tree(body).path("resourceType").asText())) {
      return null;
    }
    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, body);
    return outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode();
  }

  private static JsonNode tree(String body) {
    try {
      return body.trim().startsWith("{") ? JSON.readTree(body) : JSON.missingNode();
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }
}
