package dk.kfgateway.ig;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import ca.uhn.fhir.validation.IValidationContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;

/**
 * The gateway's stand-in for HAPI's {@code FhirInstanceValidator}: the same checks, through pooled, reused
 * InstanceValidators instead of a new one per resource (see {@link ReusableInstanceValidator} for why).
 *
 * <p>Follows HAPI 8.8.0's {@code ValidatorWrapper} and {@code BaseValidatorBridge}: profiles from the options and
 * from {@code meta.profile} (each URL once: HAPI passes a declared profile twice and so checks it twice, with the
 * same messages); "Invalid profile" errors when none resolves; the same two message filters; unknown profiles as
 * errors; messages turned into HAPI's with location, severity, id and slice details. JSON input only, which is what
 * {@link ca.uhn.fhir.validation.FhirValidator} hands a module for a resource object.
 */
final class ReusingInstanceValidatorModule implements IInstanceValidatorModule {

    private final WorkerContextValidationSupportAdapter workerContext;
    private final ValidatorPool pool;

    ReusingInstanceValidatorModule(IValidationSupport support, int poolSize, int maxRuns) {
        this.workerContext = WorkerContextValidationSupportAdapter.newVersionSpecificWorkerContextWrapper(support);
        this.pool = new ValidatorPool(() -> new ReusableInstanceValidator(workerContext), poolSize, maxRuns);
    }

    /** Builds idle validators up to the pool's size (~25 ms each), e.g. at start-up. */
    void fillPool() {
        pool.fill();
    }

    /** The worker context all pooled validators share; for tests. */
    WorkerContextValidationSupportAdapter workerContext() {
        return workerContext;
    }

    @Override
    public void validateResource(IValidationContext<IBaseResource> context) {
        if (context.getResourceAsStringEncoding() != EncodingEnum.JSON) {
            throw new IllegalArgumentException("only JSON is validated here, got " + context.getResourceAsStringEncoding());
        }
        String json = context.getResourceAsString();
        Set<String> profileUrls = new LinkedHashSet<>(context.getOptions().getProfiles());
        context.getResource().getMeta().getProfile().forEach(p -> profileUrls.add(p.getValueAsString()));
        List<StructureDefinition> profiles = new ArrayList<>();
        List<ValidationMessage> unknownProfiles = new ArrayList<>();
        for (String url : profileUrls) {
            StructureDefinition profile = fetchProfile(url);
            if (profile != null) {
                profiles.add(profile);
            } else {
                unknownProfiles.add(new ValidationMessage().setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN)
                        .setLevel(IssueSeverity.ERROR)
                        .setMessage("Invalid profile. Failed to retrieve profile with url=" + url));
            }
        }
        List<ValidationMessage> messages = pool.withValidator(
                validator -> validator.validateJson(context.getOptions().getAppContext(), json, profiles));
        if (profiles.isEmpty()) {
            messages.addAll(unknownProfiles);
        }
        messages.stream().filter(m -> !isFilteredOut(m)).map(ReusingInstanceValidatorModule::toHapi)
                .forEach(context::addValidationMessage);
    }

    /** A profile that fails to load counts as unknown (an error); HAPI would skip it without a word. */
    private StructureDefinition fetchProfile(String url) {
        try {
            return workerContext.fetchResource(StructureDefinition.class, url);
        } catch (FHIRException e) {
            return null;
        }
    }


    /** The two messages HAPI's ValidatorWrapper drops: a binding without a source, and the mimetypes value set. */
    private static boolean isFilteredOut(ValidationMessage m) {
        String id = m.getMessageId();
        return I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE.equals(id)
                || I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND.equals(id)
                        && m.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes");
    }

    private static SingleValidationMessage toHapi(ValidationMessage m) {
        SingleValidationMessage message = new SingleValidationMessage();
        if (m.getCol() != -1) {
            message.setLocationCol(m.getCol());
        }
        if (m.getLine() != -1) {
            message.setLocationLine(m.getLine());
        }
        message.setLocationString(m.getLocation());
        message.setMessage(m.getMessage());
        IssueSeverity level = isUnknownProfile(m) ? IssueSeverity.ERROR : m.getLevel();
        if (level != null) {
            message.setSeverity(ResultSeverityEnum.fromCode(level.toCode()));
        }
        if (m.getMessageId() != null && !m.getMessageId().contains(" ")) {
            message.setMessageId(m.getMessageId());
        }
        if (m.hasSliceInfo()) {
            message.setSliceMessages(m.getSliceInfo().stream().map(ValidationMessage::getMessage).toList());
        }
        return message;
    }

    private static boolean isUnknownProfile(ValidationMessage m) {
        return I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(m.getMessageId())
                || I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(m.getMessageId());
    }
}
