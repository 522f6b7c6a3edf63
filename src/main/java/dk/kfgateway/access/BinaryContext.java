package dk.kfgateway.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Reference;

/**
 * A Binary says itself whose it is: its {@code securityContext}, from which alone its access labels come
 * ({@link AccessLabelPolicy}). A Binary sent in a transaction together with the DocumentReference it is the content of
 * ({@code content.attachment.url} naming the Binary's entry) and without a security context gets that document as its
 * security context before the transaction is stored, so that it belongs to the document's case. It also keeps the
 * Bundle and the type of each entry by its {@code fullUrl}, for the checks of a Binary naming an entry that is not
 * stored yet and for {@link LabelForecast} (HAPI stores each entry with a request of its own that has no Bundle).
 */
@Interceptor
public class BinaryContext {

  private static final String ENTRY_TYPES = BinaryContext.class.getName() + ".entryTypes";
  private static final String TRANSACTION = BinaryContext.class.getName() + ".transaction";

  /** The Bundle of this request's transaction, for the steps of its entries, whose own requests carry none. */
  static Optional<Bundle> transactionOf(RequestDetails request) {
    return Optional.ofNullable((Bundle) request.getUserData().get(TRANSACTION));
  }

  /** The type of the entry of this request's transaction that a {@code urn:uuid:} names. */
  @SuppressWarnings("unchecked")
  public static Optional<String> typeOfEntry(RequestDetails request, String fullUrl) {
    Object types = request.getUserData().get(ENTRY_TYPES);
    return types == null ? Optional.empty() : Optional.ofNullable(((Map<String, String>) types).get(fullUrl));
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void beforeTransaction(RequestDetails request, RestOperationTypeEnum operation) {
    if (operation != RestOperationTypeEnum.TRANSACTION || !(request.getResource() instanceof Bundle bundle)) {
      return;
    }
    Map<String, String> types = new HashMap<>();
    bundle.getEntry().stream().filter(e -> e.hasFullUrl() && e.hasResource())
        .forEach(e -> types.put(e.getFullUrl(), e.getResource().fhirType()));
    request.getUserData().put(ENTRY_TYPES, types);
    request.getUserData().put(TRANSACTION, bundle);
    Map<String, Binary> binaries = new HashMap<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() instanceof Binary binary && !binary.hasSecurityContext()) {
        if (entry.hasFullUrl()) {
          binaries.put(entry.getFullUrl(), binary);
        }
        if (binary.getIdElement().hasIdPart()) {
          binaries.put("Binary/" + binary.getIdElement().getIdPart(), binary);
        }
      }
    }
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() instanceof DocumentReference document && entry.hasFullUrl()) {
        document.getContent().stream().map(c -> c.getAttachment()).map(Attachment::getUrl)
            .map(binaries::get).filter(b -> b != null && !b.hasSecurityContext())
            .forEach(b -> b.setSecurityContext(new Reference(entry.getFullUrl())));
      }
    }
  }
}
