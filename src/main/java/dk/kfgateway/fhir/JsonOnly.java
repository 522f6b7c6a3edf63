package dk.kfgateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import dk.kfgateway.rules.RuleRef;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The FHIR API speaks JSON only, as its CapabilityStatement says ({@link JsonOnlyCapability}): the profile validation,
 * the intake rules and the audit all work on JSON. Before HAPI sees a request:
 *
 * <ul>
 *   <li>a body in another FHIR format (XML, {@code application/xml}, {@code text/xml}, XML Patch, Turtle) or a write
 *       asking {@code _format=xml} is refused with 415 (FHIR-415);
 *   <li>a request that accepts no JSON answer ({@code Accept} naming only XML or Turtle, or {@code _format=xml} on a
 *       read) is refused with 406 (FHIR-406);
 *   <li>a request that accepts XML and also JSON (or anything, like a browser) is answered in JSON: the other FHIR
 *       formats are taken out of its {@code Accept} header, the rest (e.g. {@code application/pdf} for a Binary) stays.
 * </ul>
 *
 * Refusals are OperationOutcomes in {@code application/fhir+json} naming the rule, logged as one line like every
 * other refusal ({@link RefusalLog}).
 */
public class JsonOnly extends OncePerRequestFilter {

  static final RuleRef JSON_BODIES =
      new RuleRef("FHIR-415", "FHIR R4 http.html#mime-type; the gateway's CapabilityStatement.format (json)");
  static final RuleRef JSON_ANSWERS =
      new RuleRef("FHIR-406", "FHIR R4 http.html#mime-type; the gateway's CapabilityStatement.format (json)");

  static final String JSON = "application/fhir+json";
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

  private final FhirContext fhir;

  public JsonOnly(FhirContext fhir) {
    this.fhir = fhir;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean write = WRITES.contains(request.getMethod().toUpperCase(Locale.ROOT));
    Optional<String> format = format(request);
    String contentType = request.getContentType();
    if (write && contentType != null && !isJsonOrNotFhir(contentType)) {
      refuse(request, response, 415, JSON_BODIES, "The gateway takes request bodies in " + JSON + " only, not in '"
          + mediaType(contentType) + "'; send the resource as JSON (Content-Type: " + JSON + ")");
      return;
    }
    if (write && format.isPresent()) {
      refuse(request, response, 415, JSON_BODIES, "The gateway takes and answers " + JSON + " only, not _format="
          + format.get() + "; send the resource as JSON (Content-Type: " + JSON + ") without _format");
      return;
    }
    if (format.isPresent()) {
      refuse(request, response, 406, JSON_ANSWERS, "The gateway answers in " + JSON + " only, not _format="
          + format.get() + "; leave _format out or ask for json");
      return;
    }
    List<String> accepted = acceptedRanges(request);
    List<String> kept = accepted.stream().filter(JsonOnly::isJsonOrNotFhir).toList();
    if (!accepted.isEmpty() && kept.isEmpty()) {
      refuse(request, response, 406, JSON_ANSWERS, "The gateway answers in " + JSON + " only, not in '"
          + String.join(", ", accepted.stream().map(JsonOnly::mediaType).toList()) + "'; send Accept: " + JSON);
      return;
    }
    chain.doFilter(kept.size() == accepted.size() ? request : new AcceptOnly(request, String.join(", ", kept)),
        response);
  }

  /** A {@code _format} in the query naming a FHIR format other than JSON (XML, Turtle, ...). */
  private static Optional<String> format(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv.length == 2 && "_format".equals(decode(kv[0])) && !isJsonOrNotFhir(decode(kv[1]))) {
        return Optional.of(decode(kv[1]));
      }
    }
    return Optional.empty();
  }

  /** The media ranges of every Accept header, one per element. */
  private static List<String> acceptedRanges(HttpServletRequest request) {
    List<String> ranges = new ArrayList<>();
    for (String header : Collections.list(request.getHeaders("Accept"))) {
      for (String range : header.split(",")) {
        if (!range.isBlank()) {
          ranges.add(range.trim());
        }
      }
    }
    return ranges;
  }

  /**
   * JSON, or no FHIR format at all (a PDF for a Binary, a form, JSON Patch, a wildcard): anything but XML (also XML
   * Patch and {@code application/xml}), Turtle or NDJSON.
   */
  static boolean isJsonOrNotFhir(String contentTypeOrFormat) {
    String type = mediaType(contentTypeOrFormat);
    if (type.endsWith("/xml") || type.endsWith("+xml")) {
      return false;
    }
    EncodingEnum encoding = EncodingEnum.forContentType(type);
    return encoding == null || encoding == EncodingEnum.JSON;
  }

  private static String mediaType(String contentType) {
    return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, int status, RuleRef rule,
      String message) throws IOException {
    OperationOutcome outcome = Refusals.outcome(rule, OperationOutcome.IssueType.NOTSUPPORTED, message);
    RefusalLog.refused(request.getMethod(), request.getRequestURI(), status, List.of(rule.id()),
        RefusalLog.client(request), null);
    response.setStatus(status);
    response.setContentType(JSON);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(outcome));
  }

  /** The request with the other FHIR formats taken out of its Accept header. */
  private static final class AcceptOnly extends HttpServletRequestWrapper {
    private final String accept;

    AcceptOnly(HttpServletRequest request, String accept) {
      super(request);
      this.accept = accept;
    }

    @Override
    public String getHeader(String name) {
      return "Accept".equalsIgnoreCase(name) ? accept : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return "Accept".equalsIgnoreCase(name) ? Collections.enumeration(List.of(accept)) : super.getHeaders(name);
    }
  }
}
