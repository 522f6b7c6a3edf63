package dk.kfgateway.ig;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.validator.FhirDefaultPolicyAdvisor;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.JsonParser;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.elementmodel.ParserBase.ValidationPolicy;
import org.hl7.fhir.r5.elementmodel.ValidatedFragment;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.codesystem.CodingsObserver;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * An {@link InstanceValidator} that can validate many resources, one at a time, with nothing of one validation left
 * in the next.
 *
 * <p>Why: HAPI's {@code ValidatorWrapper} builds a new InstanceValidator for every resource, and the constructor
 * reads a 1.5 MB OID registry ({@code OIDUtilities}) each time: ~20 ms of a ~23 ms validation. The validator clears
 * most per-run state itself at its main entry point (fetch cache, resource tracker, tracked messages); what it keeps
 * is cleared by {@link #forget()} before and after every run: the "depends on a deprecated/retired definition" hints
 * already given (so a later resource gets them too), the codings seen and code/text pairs recorded (both hold the
 * parsed resource: a leak of every resource ever validated otherwise), session objects, timings and the last content.
 * Two of those fields are private; they are found by reflection once, and a missing one fails at start-up.
 *
 * <p>It also keeps its element-model JSON parser: the validator's stream entry point makes a new one per resource,
 * and a parser builds a FHIRPath engine and profile utilities of its own (~14 % of a validation); the kept parser also
 * remembers its resource types' definitions ({@link TypeRememberingJsonParser}). {@link #validateJson}
 * does what that entry point does for JSON against resource profiles, with the kept parser.
 *
 * <p>Settings are those of HAPI 8.8.0's {@code ValidatorWrapper} with the gateway's choices: best-practice warnings
 * ignored, unknown profiles an error, terminology checks on, unknown code systems an error, references not resolved
 * (no fetcher). Not thread-safe: one thread at a time (see {@link ValidatorPool}).
 */
final class ReusableInstanceValidator extends InstanceValidator {

    private static final Field CODING_OBSERVER = privateField(InstanceValidator.class, "codingObserver");
    private static final Field CODINGS_SEEN = privateField(CodingsObserver.class, "list");
    private static final Field TEXT_KEYS = privateField(InstanceValidator.class, "textsToCheckKeys");

    private final JsonParser parser;
    private int runs;

    ReusableInstanceValidator(IWorkerContext workerContext) {
        super(workerContext, new FhirInstanceValidator.NullEvaluationContext(),
                new XVerExtensionManagerOld(workerContext), new ValidatorSession(), new ValidatorSettings());
        setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        setAnyExtensionsAllowed(true);
        setResourceIdRule(IdStatus.OPTIONAL);
        setNoTerminologyChecks(false);
        setErrorForUnknownProfiles(true);
        setUnknownCodeSystemsCauseErrors(true);
        setAssumeValidRestReferences(false);
        setFetcher(null);
        setPolicyAdvisor(new FhirDefaultPolicyAdvisor());
        setNoExtensibleWarnings(false);
        setNoBindingMsgSuppressed(false);
        setAllowExamples(false);
        setAllowXsiLocation(true);
        parser = new TypeRememberingJsonParser(workerContext);
        parser.setupValidation(ValidationPolicy.EVERYTHING);
        parser.setAllowComments(false);
        parser.setSignatureServices(null);
    }

    /** Validates one JSON resource against {@code profiles}; the returned list is new for every call. */
    List<ValidationMessage> validateJson(Object appContext, String json, List<StructureDefinition> profiles) {
        forget();
        runs++;
        List<ValidationMessage> messages = new ArrayList<>();
        try {
            if (profiles.stream().anyMatch(p -> p.getKind() == StructureDefinition.StructureDefinitionKind.LOGICAL)) {
                validate(appContext, messages, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                        FhirFormat.JSON, new ArrayList<>(profiles)); // a logical model sets up the parser: its own
            } else {
                validateWithKeptParser(appContext, messages, json, profiles);
            }
        } finally {
            forget();
        }
        return messages;
    }

    /** As {@code validate(appContext, errors, stream, JSON, profiles)} of InstanceValidator 6.7.9, parsing with the kept parser. */
    private void validateWithKeptParser(Object appContext, List<ValidationMessage> messages, String json,
            List<StructureDefinition> profiles) {
        try {
            validatedContent = parser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new org.hl7.fhir.exceptions.FHIRException(e);
        }
        for (ValidatedFragment fragment : validatedContent) {
            if (fragment.getElement() != null) {
                validate(appContext, fragment.getErrors(), validatedContent.size() > 1 ? fragment.path() : null,
                        fragment.getElement(), new ArrayList<>(profiles));
            }
            messages.addAll(fragment.getErrors());
        }
    }

    /**
     * The element-model JSON parser, remembering which StructureDefinition a resource type is. Its own look-up scans
     * every StructureDefinition of the context, building a URL string for each, on every resource parsed: about a fifth
     * of a validation. The core types' definitions do not change while the gateway runs; a type not found is looked up
     * again (and reported by the parser) every time.
     */
    private static final class TypeRememberingJsonParser extends JsonParser {

        private final java.util.Map<String, StructureDefinition> types = new java.util.HashMap<>();

        TypeRememberingJsonParser(IWorkerContext context) {
            super(context);
        }

        @Override
        protected StructureDefinition getDefinition(List<ValidationMessage> errors, int line, int col, String name) {
            StructureDefinition known = name == null ? null : types.get(name);
            if (known != null) {
                return known;
            }
            StructureDefinition found = super.getDefinition(errors, line, col, name);
            if (found != null) {
                types.put(name, found);
            }
            return found;
        }
    }

    /** How many resources this validator has checked; the pool retires it after a bound, as a safety net. */
    int runs() {
        return runs;
    }

    /** What a validation leaves behind that the validator's own entry point does not clear; for tests. */
    int retainedItems() {
        return statusWarnings.size() + getTextsToCheck().size() + collection(TEXT_KEYS, this).size()
                + collection(CODINGS_SEEN, read(CODING_OBSERVER, this)).size();
    }

    private void forget() {
        statusWarnings.clear();
        getTextsToCheck().clear();
        collection(TEXT_KEYS, this).clear();
        collection(CODINGS_SEEN, read(CODING_OBSERVER, this)).clear();
        session.close();
        validatedContent = null;
        resetTimes();
    }

    private static Collection<?> collection(Field field, Object owner) {
        return (Collection<?>) read(field, owner);
    }

    private static Object read(Field field, Object owner) {
        try {
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    private static Field privateField(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(owner.getName() + "." + name + " is gone (org.hl7.fhir core upgraded?): "
                    + "check what InstanceValidator keeps between runs before reusing it", e);
        }
    }
}
