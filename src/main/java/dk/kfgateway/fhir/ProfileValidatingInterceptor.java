package dk.kfgateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.SingleValidationMessage;
import dk.kfgateway.ig.ImplementationGuide;
import dk.kfgateway.ig.ProfileValidator;
import dk.kfgateway.ig.ValidationReport;
import dk.kfgateway.pipeline.Step;
import dk.kfgateway.pipeline.Write;
import dk.kfgateway.pipeline.WriteStep;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Every resource of a profiled type is validated against the gateway's profile before it is stored, in every write
 * path (create, update, transaction, and the gateway's own DAO calls). The profile is declared in {@code meta.profile}
 * when the client did not, so that stored resources say what they conform to. A failure is HTTP 422 with an
 * OperationOutcome naming each element, and, inside a transaction, rolls the whole transaction back.
 */
public class ProfileValidatingInterceptor implements WriteStep {

  private final FhirContext fhirContext;
  private final ImplementationGuide ig;
  private final ProfileValidator validator;
  private final boolean enabled;

  /** @param enabled {@code gateway.fhir.validate-on-write}: off only for measuring what validation costs */
  public ProfileValidatingInterceptor(
      FhirContext fhirContext, ImplementationGuide ig, ProfileValidator validator, boolean enabled) {
    this.fhirContext = fhirContext;
    this.enabled = enabled;
    this.ig = ig;
    this.validator = validator;
  }

  @Override
  public Step step() {
    return Step.PROFILE;
  }

  @Override
  public void apply(Write write) {
    if (!enabled) {
      return;
    }
    switch (write.phase()) {
      case CREATE -> beforeCreate(write.resource());
      case UPDATE -> beforeUpdate(write.previous(), write.resource(), write.request());
      default -> { }
    }
  }

  private void beforeCreate(IBaseResource resource) {
    check(resource);
  }

  /** An update by the access labeller changes only the gateway's labels: nothing to validate again. */
  private void beforeUpdate(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    if (!dk.kfgateway.access.Labeller.isLabelling(request)) {
      check(resource);
    }
  }

  /** Refuses (422, IG-001) a resource that does not conform to its gateway profile, as a write of it would be. */
  public void conform(IBaseResource resource) {
    if (enabled) {
      check(resource);
    }
  }

  private void check(IBaseResource resource) {
    String type = fhirContext.getResourceType(resource);
    ig.profileFor(type)
        .ifPresent(
            profile -> {
              if (resource.getMeta().getProfile().stream().noneMatch(p -> profile.equals(p.getValue()))) {
                resource.getMeta().addProfile(profile);
              }
              ValidationReport report = validator.report(resource);
              if (!report.isValid()) {
                throw new UnprocessableEntityException(fhirContext, outcome(type, resource, profile, report.errors()));
              }
            });
  }

  private static OperationOutcome outcome(
      String type, IBaseResource resource, String profile, List<SingleValidationMessage> errors) {
    OperationOutcome outcome = new OperationOutcome();
    String what = type + (resource.getIdElement().hasIdPart() ? "/" + resource.getIdElement().getIdPart() : "");
    for (SingleValidationMessage error : errors) {
      Refusals.addIssue(outcome, dk.kfgateway.ig.Ig.CONFORMANCE, OperationOutcome.IssueType.PROCESSING,
          what + " does not conform to the gateway profile " + profile + " at "
              + error.getLocationString() + ": " + error.getMessage(), error.getLocationString());
    }
    return outcome;
  }
}
