package dk.kfgateway.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.util.UrlUtil;
import dk.kfgateway.rules.RuleRef;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Updates of shared workflow resources must say which version they change ({@code If-Match: W/"3"}; in a transaction
 * {@code entry.request.ifMatch}), so that two parties editing the same task at once never overwrite each other: HAPI
 * refuses a stale version with 412, and this refuses an unversioned update with 428 Precondition Required. A version
 * named in the URL or in If-Match must be one HAPI can read (a number), or HAPI answers 500.
 */
@Interceptor
public class IfMatchRequiredInterceptor {

  private static final Pattern VERSION = Pattern.compile("(W/)?\"[0-9]{1,18}\"");

  static final RuleRef VERSION_NAMED = new RuleRef("FHIR-428", "FHIR R4 http.html#concurrency");

  private final Set<String> types;

  public IfMatchRequiredInterceptor(Set<String> types) {
    this.types = Set.copyOf(types);
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void beforeHandling(RequestDetails request, RestOperationTypeEnum operation) {
    readable(request.getHeader("If-Match"), "If-Match");
    if (request.getId() != null && request.getId().hasVersionIdPart()
        && !request.getId().getVersionIdPart().matches("[0-9]{1,18}")) {
      // HAPI would answer 500 for a version it cannot read as a number (HAPI-2223)
      throw new InvalidRequestException("The version in the URL (" + request.getResourceName()
          + "/<id>/_history/<version>) must be a whole number, as in the ETag or meta.versionId of a version read");
    }
    if ((operation == RestOperationTypeEnum.UPDATE || operation == RestOperationTypeEnum.PATCH)
        && types.contains(request.getResourceName())
        && request.getHeader("If-Match") == null) {
      throw required(request.getRequestPath(), "the If-Match header");
    }
    if (operation == RestOperationTypeEnum.TRANSACTION && request.getResource() instanceof Bundle bundle) {
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        readable(entry.getRequest().getIfMatch(), "entry.request.ifMatch");
        Bundle.HTTPVerb method = entry.getRequest().getMethod();
        if ((method == Bundle.HTTPVerb.PUT || method == Bundle.HTTPVerb.PATCH)
            && types.contains(resourceType(entry.getRequest().getUrl()))
            && !entry.getRequest().hasIfMatch()) {
          throw required(entry.getRequest().getUrl(), "entry.request.ifMatch");
        }
      }
    }
  }

  /** A version HAPI can read: HAPI would answer any other with a 500. */
  private static void readable(String ifMatch, String where) {
    if (ifMatch != null && !VERSION.matcher(ifMatch.trim()).matches()) {
      String message = where + " must name one version as W/\"<version>\" (e.g. W/\"3\", from the ETag or"
          + " meta.versionId of the version you read)";
      throw new InvalidRequestException(VERSION_NAMED.display(message),
          Refusals.outcome(VERSION_NAMED, OperationOutcome.IssueType.INVALID, message));
    }
  }

  /** The type an entry URL addresses, in every form HAPI accepts: "Task/1", "/Task/1", "Task?x=y", absolute URLs. */
  private static String resourceType(String url) {
    return url == null ? "" : String.valueOf(UrlUtil.parseUrl(url).getResourceType());
  }

  private static BaseServerResponseException required(String what, String where) {
    String message =
        "An update of " + what + " must name the version it changes in " + where
            + " (e.g. W/\"3\", from the ETag or meta.versionId of the version you read), so that no concurrent"
            + " update is lost";
    return new PreconditionRequiredException(VERSION_NAMED.display(message),
        Refusals.outcome(VERSION_NAMED, OperationOutcome.IssueType.CONFLICT, message));
  }

  /** HTTP 428, which HAPI has no exception class for. */
  static final class PreconditionRequiredException extends BaseServerResponseException {
    PreconditionRequiredException(String message, OperationOutcome outcome) {
      super(428, message, outcome);
    }
  }
}
