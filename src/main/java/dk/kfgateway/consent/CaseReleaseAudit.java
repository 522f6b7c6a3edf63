package dk.kfgateway.consent;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;

/** Records the release decisions of a request just before its answer is written (HAPI's own callback runs after). */
@Interceptor
public class CaseReleaseAudit {

  private final CaseReleaseConsentService service;

  CaseReleaseAudit(CaseReleaseConsentService service) {
    this.service = service;
  }

  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public void beforeAnswer(RequestDetails request) {
    service.recordDecisions(request);
  }
}
