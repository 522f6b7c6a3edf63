package dk.kfgateway.ig;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;

/**
 * Validates resources against the gateway's profiles, in memory and without network.
 *
 * <p>Why built once: the first validation builds snapshots and terminology caches (seconds); later ones take
 * milliseconds. Build one instance, call {@link #warmUp()} at start-up and share it: HAPI's validator and the
 * caching support chain are safe for concurrent use. Terminology checks stay on, because an unknown service
 * code (required binding) must fail; best-practice warnings are off, and references are not resolved
 * (the gateway's rules check the referenced resources themselves).
 */
public final class ProfileValidator {

    private final ImplementationGuide ig;
    private final FhirValidator validator;

    public ProfileValidator(FhirContext fhirContext, ImplementationGuide ig) {
        this.ig = ig;
        FhirInstanceValidator module = new FhirInstanceValidator(supportChain(fhirContext, ig));
        module.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        module.setErrorForUnknownProfiles(true);
        this.validator = fhirContext.newValidator().registerValidatorModule(module);
        this.validator.setValidateAgainstStandardSchema(false);
        this.validator.setValidateAgainstStandardSchematron(false);
    }

    private static ValidationSupportChain supportChain(FhirContext fhirContext, ImplementationGuide ig) {
        PrePopulatedValidationSupport igSupport = new PrePopulatedValidationSupport(fhirContext);
        ig.structureDefinitions().forEach(igSupport::addStructureDefinition);
        ig.codeSystems().forEach(igSupport::addCodeSystem);
        ig.valueSets().forEach(igSupport::addValueSet);
        return new ValidationSupportChain(
                new DefaultProfileValidationSupport(fhirContext),
                igSupport,
                new SnapshotGeneratingValidationSupport(fhirContext),
                new InMemoryTerminologyServerValidationSupport(fhirContext),
                new CommonCodeSystemsTerminologyService(fhirContext));
    }

    /** Validates every example of the IG once, so snapshots and caches exist before the first request. */
    public void warmUp() {
        for (Resource example : ig.examples()) {
            report(example);
        }
    }

    /**
     * Validates against the gateway profile of the resource's type (and any profiles it declares);
     * the report counts only errors as failures.
     */
    public ValidationReport report(IBaseResource resource) {
        String type = resource.fhirType();
        String profileUrl = ig.profileFor(type)
                .orElseThrow(() -> new IllegalArgumentException("the IG has no profile for " + type));
        return validate(resource, profileUrl);
    }

    /**
     * Validates against {@code profileUrl}; {@link ValidationReport#result()} is HAPI's result, whose
     * locations name the element, e.g. Patient.identifier.
     */
    public ValidationReport validate(IBaseResource resource, String profileUrl) {
        ValidationResult result = validator.validateWithResult(resource, new ValidationOptions().addProfile(profileUrl));
        return new ValidationReport(profileUrl, result);
    }
}
