package dk.kfgateway.ig;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * Validates resources against the gateway's profiles, in memory and without network.
 *
 * <p>Why built once: the first validation builds snapshots and terminology caches (seconds); later ones take
 * milliseconds. Build one instance, call {@link #warmUp()} at start-up and share it: HAPI's validator, the
 * pooled module and the caching support chain are safe for concurrent use. Terminology checks stay on, because an unknown service
 * code (required binding) must fail; best-practice warnings are off, and references are not resolved
 * (the gateway's rules check the referenced resources themselves).
 *
 * <p>The module is the project's {@link ReusingInstanceValidatorModule}, not HAPI's {@code FhirInstanceValidator}:
 * same checks, but it reuses InstanceValidators instead of building one (~20 ms) per resource.
 */
public final class ProfileValidator {

    private final ImplementationGuide ig;
    private final ReusingInstanceValidatorModule module;
    private final FhirValidator validator;

    public ProfileValidator(FhirContext fhirContext, ImplementationGuide ig) {
        this(fhirContext, ig, new DefaultProfileValidationSupport(fhirContext));
    }

    /**
     * @param coreDefinitions the R4 core definitions; the server passes the instance its storage engine already holds,
     *     so they are loaded (and kept in memory) once
     */
    public ProfileValidator(FhirContext fhirContext, ImplementationGuide ig, IValidationSupport coreDefinitions) {
        this.ig = ig;
        this.module = new ReusingInstanceValidatorModule(
                supportChain(fhirContext, ig, coreDefinitions), PooledValidation.POOL_SIZE, PooledValidation.MAX_RUNS);
        this.validator = fhirContext.newValidator().registerValidatorModule(module);
        this.validator.setValidateAgainstStandardSchema(false);
        this.validator.setValidateAgainstStandardSchematron(false);
    }

    /** The IG's definitions over R4 core, with in-memory terminology; package-visible for comparison tests. */
    static ValidationSupportChain supportChain(FhirContext fhirContext, ImplementationGuide ig) {
        return supportChain(fhirContext, ig, new DefaultProfileValidationSupport(fhirContext));
    }

    private static ValidationSupportChain supportChain(
            FhirContext fhirContext, ImplementationGuide ig, IValidationSupport coreDefinitions) {
        PrePopulatedValidationSupport igSupport = new PrePopulatedValidationSupport(fhirContext);
        ig.structureDefinitions().forEach(igSupport::addStructureDefinition);
        ig.codeSystems().forEach(igSupport::addCodeSystem);
        ig.valueSets().forEach(igSupport::addValueSet);
        return new ValidationSupportChain(
                coreDefinitions,
                igSupport,
                new SnapshotGeneratingValidationSupport(fhirContext),
                new InMemoryTerminologyServerValidationSupport(fhirContext),
                new CommonCodeSystemsTerminologyService(fhirContext));
    }

    /**
     * Validates every example of the IG once, so snapshots and caches exist before the first request, and builds the
     * idle validators, so the first concurrent requests do not each build one.
     */
    public void warmUp() {
        for (Resource example : ig.examples()) {
            report(example);
        }
        module.fillPool();
    }

    /** The module doing the checking; for tests. */
    ReusingInstanceValidatorModule module() {
        return module;
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
