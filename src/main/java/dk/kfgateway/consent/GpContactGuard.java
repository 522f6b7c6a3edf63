package dk.kfgateway.consent;

import dk.kfgateway.ig.Ig;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.pipeline.Step;
import dk.kfgateway.pipeline.Write;
import dk.kfgateway.pipeline.WriteStep;
import dk.kfgateway.rules.Verdict;
import dk.kfgateway.security.Caller;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/**
 * Contact with the citizen's GP needs the citizen's written consent (bkg 2019 §5 stk. 2, §11 stk. 5): a Communication
 * posted through the API to a GP clinic or a GP, other than the statutory certificate copy (§15 stk. 2), is refused
 * (422, CONS-004) without it. The gateway's own copies (routing) ask {@link ConsentDecisions#gpContact} themselves.
 */
public class GpContactGuard implements WriteStep {

  private static final String GP_CLINIC = "gp-clinic";
  private static final String GP = "gp";

  private final ConsentDecisions decisions;
  private final CaseRecords records;
  private final ConsentAudit audit;

  GpContactGuard(ConsentDecisions decisions, CaseRecords records, ConsentAudit audit) {
    this.decisions = decisions;
    this.records = records;
    this.audit = audit;
  }

  @Override
  public Step step() {
    return Step.GP_CONTACT;
  }

  @Override
  public void apply(Write write) {
    beforeCreate(write.resource(), write.request());
  }

  private void beforeCreate(IBaseResource resource, RequestDetails request) {
    if (resource instanceof Communication communication && request instanceof ServletRequestDetails
        && !isCertificateCopy(communication) && communication.getRecipient().stream().anyMatch(this::isGp)) {
      Caller caller = Caller.of(request).orElse(null);
      String patient = communication.getSubject().getReferenceElement().toUnqualifiedVersionless().getValue();
      String organization = caller != null ? caller.organization() : communication.getSender().getReference();
      ConsentDecision decision = decisions.gpContact(patient, organization);
      if (!decision.permit()) {
        if (caller != null && patient != null) {
          audit.decision(ConsentAudit.agent(caller), patient, decision, List.of());
        }
        Refusals.enforce(Verdict.refused(decision.rule(), "Contact with the citizen's GP needs the citizen's written"
            + " consent: " + String.join("; ", decision.reasons()) + ". Only the certificate copy (category "
            + ConsentCodes.CERTIFICATE_COPY + ") goes to the GP without it.", "Communication.recipient"));
      }
    }
  }

  /** True for the GP's copy of the specialist certificate, which goes to the GP by law (bkg 2019 §15 stk. 2). */
  static boolean isCertificateCopy(Communication communication) {
    return communication.getCategory().stream().flatMap(c -> c.getCoding().stream()).anyMatch(c ->
        ConsentCodes.COMMUNICATION_CATEGORIES.equals(c.getSystem())
            && ConsentCodes.CERTIFICATE_COPY.equals(c.getCode()));
  }

  /** A GP clinic's Organization (kf-organization-types gp-clinic) or a GP's PractitionerRole. */
  boolean isGp(Reference recipient) {
    String reference = recipient.getReference();
    if (reference == null) {
      return false;
    }
    if (reference.startsWith("Organization/")) {
      return records.read(reference, Organization.class).map(o -> Ig.hasOrganizationType(o, GP_CLINIC)).orElse(false);
    }
    return records.read(reference, PractitionerRole.class)
        .map(r -> r.getCode().stream().flatMap(t -> t.getCoding().stream()).anyMatch(c -> GP.equals(c.getCode())))
        .orElse(false);
  }
}
