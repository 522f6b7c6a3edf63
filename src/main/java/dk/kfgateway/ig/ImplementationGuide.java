package dk.kfgateway.ig;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * The compiled implementation guide ({@code profiles/} on the classpath, written by {@code ig/build}).
 *
 * <p>Why an index file: a classpath folder cannot be listed portably once it sits inside a jar, so
 * {@code ig/build} writes {@code profiles/index.txt} next to the JSON files and this class reads that list.
 * Immutable after loading; safe to share between threads.
 */
public final class ImplementationGuide {

    static final String FOLDER = "profiles/";

    private final List<Resource> resources;
    private final Map<String, StructureDefinition> profilesByType;
    private final Map<String, CodeSystem> codeSystemsById;

    private ImplementationGuide(List<Resource> resources) {
        this.resources = List.copyOf(resources);
        this.profilesByType = ofType(StructureDefinition.class).stream()
                .filter(sd -> sd.getDerivation() == StructureDefinition.TypeDerivationRule.CONSTRAINT)
                .filter(sd -> !"Extension".equals(sd.getType()))
                .collect(Collectors.toUnmodifiableMap(StructureDefinition::getType, Function.identity()));
        this.codeSystemsById = ofType(CodeSystem.class).stream()
                .collect(Collectors.toUnmodifiableMap(cs -> cs.getIdElement().getIdPart(), Function.identity()));
    }

    /** Loads the IG from the classpath of this class. */
    public static ImplementationGuide load(FhirContext fhirContext) {
        return load(fhirContext, ImplementationGuide.class.getClassLoader());
    }

    public static ImplementationGuide load(FhirContext fhirContext, ClassLoader classLoader) {
        IParser parser = fhirContext.newJsonParser();
        List<Resource> resources = new ArrayList<>();
        for (String file : readIndex(classLoader)) {
            try (InputStream in = open(classLoader, FOLDER + file)) {
                resources.add((Resource) parser.parseResource(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + FOLDER + file, e);
            }
        }
        return new ImplementationGuide(resources);
    }

    private static List<String> readIndex(ClassLoader classLoader) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(open(classLoader, FOLDER + "index.txt"), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + "index.txt", e);
        }
    }

    private static InputStream open(ClassLoader classLoader, String path) throws IOException {
        InputStream in = classLoader.getResourceAsStream(path);
        if (in == null) {
            throw new IOException(path + " is not on the classpath (run ig/build, then build the project)");
        }
        return in;
    }

    /** Every resource of the IG, conformance resources and examples. */
    public List<Resource> resources() {
        return resources;
    }

    /** StructureDefinitions, CodeSystems, ValueSets and SearchParameters: what validation and the server load. */
    public List<MetadataResource> conformanceResources() {
        return resources.stream()
                .filter(MetadataResource.class::isInstance)
                .map(MetadataResource.class::cast)
                .toList();
    }

    /** The example instances (Usage: #example), i.e. everything that is not a conformance resource. */
    public List<Resource> examples() {
        return resources.stream().filter(r -> !(r instanceof MetadataResource)).toList();
    }

    public List<StructureDefinition> structureDefinitions() {
        return ofType(StructureDefinition.class);
    }

    public List<CodeSystem> codeSystems() {
        return ofType(CodeSystem.class);
    }

    public List<ValueSet> valueSets() {
        return ofType(ValueSet.class);
    }

    public List<SearchParameter> searchParameters() {
        return ofType(SearchParameter.class);
    }

    /** The gateway's profile URL for a resource type, e.g. "ServiceRequest" -> .../kf-referral. */
    public Optional<String> profileFor(String resourceType) {
        return Optional.ofNullable(profilesByType.get(resourceType)).map(StructureDefinition::getUrl);
    }

    /** A code system of the IG by id, e.g. {@link Ig#CS_SERVICES}. */
    public Optional<CodeSystem> codeSystem(String id) {
        return Optional.ofNullable(codeSystemsById.get(id));
    }

    private <T extends Resource> List<T> ofType(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
