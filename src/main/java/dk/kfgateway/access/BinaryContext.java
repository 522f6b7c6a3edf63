package dk.kfgateway.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Reference;

/**
 * A Binary says itself whose it is: its {@code securityContext}, from which alone its access labels come
 * ({@link AccessLabelPolicy}). A Binary sent in a transaction together with the DocumentReference it is the content of
 * ({@code content.attachment.url} naming the Binary's entry) and without a security context gets that document as its
 * security context before the transaction is stored, so that it belongs to the document's case.
 */
@Interceptor
public class BinaryContext {

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void beforeTransaction(RequestDetails request, RestOperationTypeEnum operation) {
    if (operation != RestOperationTypeEnum.TRANSACTION || !(request.getResource() instanceof Bundle bundle)) {
      return;
    }
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
