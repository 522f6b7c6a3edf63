package dk.kfgateway.referral;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.pipeline.Step;
import dk.kfgateway.pipeline.Write;
import dk.kfgateway.pipeline.WriteStep;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;

/**
 * REF-010 on every document, not only a referral's: a DocumentReference a client creates or changes (alone, by
 * update or patch, in a batch, or in a transaction that is no referral) carries a readable, unencrypted PDF, inline in
 * {@code content.attachment.data} or in a Binary ({@code content.attachment.url}: an entry of the same transaction,
 * or a Binary the gateway holds that the caller may see). The rule is intake's own {@link ReadablePdfRule}, the pages
 * counted by the same {@link PdfPageCounter}; a referral's documents are checked by intake with the referral, and not
 * twice. A Binary of another party's case is answered exactly as one that does not exist, so that the answer tells
 * nothing of it. The gateway's own writes (demo data, copies) are not checked here.
 */
@Interceptor
public class DocumentContentGuard implements WriteStep {

  private static final String CHECKED = DocumentContentGuard.class.getName() + ".checked";
  private static final Pattern BINARY = Pattern.compile("Binary/[A-Za-z0-9\\-.]{1,64}");
  private static final String SEND_AS = "content.attachment.data or a Binary (content.attachment.url)";

  private final PdfPageCounter counter;
  private final BiFunction<String, RequestDetails, Optional<Binary>> storedBinaries;
  private final ReadablePdfRule rule = new ReadablePdfRule();
  private final ReferralBundleReader reader = new ReferralBundleReader();

  /**
   * @param storedBinaries a Binary the gateway holds, by its reference ({@code Binary/123}), if the caller of the
   *     request may see it
   */
  public DocumentContentGuard(
      PdfPageCounter counter, BiFunction<String, RequestDetails, Optional<Binary>> storedBinaries) {
    this.counter = counter;
    this.storedBinaries = storedBinaries;
  }

  /** The documents of a transaction, checked as a whole before anything is stored, with its Binary entries. */
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void beforeTransaction(RequestDetails request, RestOperationTypeEnum operation) {
    if (operation != RestOperationTypeEnum.TRANSACTION || !(request.getResource() instanceof Bundle bundle)) {
      return;
    }
    List<SubmittedDocument> documents = reader.documents(bundle);
    if (reader.read(bundle).isEmpty()) { // a referral's documents are intake's
      Refusals.enforce(rule.check(documents.stream().map(d -> pages(d, request)).toList(), SEND_AS));
    }
    Set<Object> checked = checked(request);
    documents.forEach(document -> checked.add(document.resource()));
  }

  @Override
  public Step step() {
    return Step.DOCUMENT_CONTENT;
  }

  @Override
  public void apply(Write write) {
    check(write.resource(), write.request());
  }

  private void check(IBaseResource resource, RequestDetails request) {
    if (resource instanceof DocumentReference document && request instanceof ServletRequestDetails
        && !checked(request).contains(document)) {
      var attachment = document.getContentFirstRep().getAttachment();
      SubmittedDocument submitted = new SubmittedDocument(1, document, "DocumentReference",
          attachment.hasData() ? attachment.getData() : null,
          attachment.hasContentType() ? attachment.getContentType() : null);
      Refusals.enforce(rule.check(List.of(pages(submitted, request)), SEND_AS));
    }
  }

  /** Pages of a document with its content inline, in a Binary entry already resolved, or in a stored Binary. */
  private DocumentPages pages(SubmittedDocument document, RequestDetails request) {
    if (document.content().isPresent() || document.attachmentUrl().isEmpty()) {
      return new DocumentPages(document, counter.count(document));
    }
    String url = document.attachmentUrl().get();
    Optional<Binary> binary = binaryReference(url, request.getFhirServerBase())
        .flatMap(reference -> storedBinaries.apply(reference, request));
    if (binary.isEmpty() || !binary.get().hasData()) {
      return new DocumentPages(document,
          new PageCount.Unreadable("points to '" + url + "', which is not a Binary the gateway holds"));
    }
    SubmittedDocument withContent = new SubmittedDocument(document.position(), document.resource(),
        document.location(), binary.get().getData(),
        document.contentType().orElse(binary.get().hasContentType() ? binary.get().getContentType() : null));
    return new DocumentPages(withContent, counter.count(withContent));
  }

  /** {@code Binary/<id>} of a relative URL, or of an absolute one on this server; empty for anything else. */
  static Optional<String> binaryReference(String url, String serverBase) {
    String relative = serverBase != null && url.startsWith(serverBase + "/") ? url.substring(serverBase.length() + 1)
        : url;
    return BINARY.matcher(relative).matches() ? Optional.of(relative) : Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private static Set<Object> checked(RequestDetails request) {
    return (Set<Object>) request.getUserData().computeIfAbsent(CHECKED,
        key -> Collections.newSetFromMap(new IdentityHashMap<>()));
  }
}
