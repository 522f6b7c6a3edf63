package dk.kfgateway.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;

/**
 * A referral's citizen reads as created, whether or not the CPR was known: the answer to a transaction whose Patient
 * entry is a conditional create ({@code ifNoneExist}) that matched a stored citizen says {@code 201 Created}, as for a
 * new citizen, and that entry carries neither an outcome (HAPI's says whether the condition matched) nor a
 * {@code lastModified} (HAPI gives one for a match only) either way. HAPI would answer {@code 200 OK} for a match: to
 * a second municipality that would tell that another party holds a case of this citizen. What the answer still names (the citizen's id and version) the posting municipality may see anyway: its
 * referral made it a party of the citizen (README "One citizen, several municipalities").
 */
@Interceptor
public class MatchedCitizenAnswer {

  private static final String CREATED = "201 Created";

  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean answer(RequestDetails request, ResponseDetails response) {
    if (request.getRestOperationType() != RestOperationTypeEnum.TRANSACTION
        || !(request.getResource() instanceof Bundle sent) || !(response.getResponseResource() instanceof Bundle answer)
        || sent.getEntry().size() != answer.getEntry().size()) {
      return true;
    }
    List<Bundle.BundleEntryComponent> entries = sent.getEntry();
    for (int i = 0; i < entries.size(); i++) {
      Bundle.BundleEntryComponent entry = entries.get(i);
      Bundle.BundleEntryResponseComponent result = answer.getEntry().get(i).getResponse();
      if (entry.getResource() instanceof Patient && entry.getRequest().hasIfNoneExist()) {
        if (result.hasStatus() && result.getStatus().startsWith("200")) {
          result.setStatus(CREATED);
        }
        result.setOutcome(null);
        result.setLastModified(null);
      }
    }
    return true;
  }
}
