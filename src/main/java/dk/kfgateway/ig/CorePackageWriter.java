package dk.kfgateway.ig;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Writes the FHIR package {@code hl7.fhir.r4.core#4.0.1} into a SUSHI package cache.
 *
 * <p>Why: SUSHI needs the R4 core definitions as an npm-style FHIR package, but no registry reachable from
 * these machines serves it. HAPI's {@code hapi-fhir-validation-resources-r4} jar carries the same definitions
 * as bundles, so we unpack those bundles into {@code <home>/.fhir/packages/hl7.fhir.r4.core#4.0.1/package/},
 * one JSON file per resource, the layout SUSHI's package loader reads.
 *
 * <p>Self-contained (HAPI only) so that {@code ig/build} can run it as a single source file
 * ({@code java -cp <deps> CorePackageWriter.java <home>}) without compiling the rest of the project.
 */
public final class CorePackageWriter {

    static final String PACKAGE = "hl7.fhir.r4.core#4.0.1";

    private static final List<String> BUNDLES = List.of(
            "/org/hl7/fhir/r4/model/profile/profiles-types.xml",
            "/org/hl7/fhir/r4/model/profile/profiles-resources.xml",
            "/org/hl7/fhir/r4/model/profile/profiles-others.xml",
            "/org/hl7/fhir/r4/model/extension/extension-definitions.xml",
            "/org/hl7/fhir/r4/model/valueset/valuesets.xml",
            "/org/hl7/fhir/r4/model/valueset/v2-tables.xml",
            "/org/hl7/fhir/r4/model/valueset/v3-codesystems.xml",
            "/org/hl7/fhir/r4/model/sp/search-parameters.json");

    private static final String PACKAGE_JSON = """
            {
              "name": "hl7.fhir.r4.core",
              "version": "4.0.1",
              "description": "FHIR R4 core definitions, unpacked from hapi-fhir-validation-resources-r4",
              "canonical": "http://hl7.org/fhir",
              "url": "http://hl7.org/fhir/R4",
              "fhirVersions": ["4.0.1"],
              "type": "Core",
              "license": "CC0-1.0",
              "dependencies": {}
            }
            """;

    private final FhirContext fhirContext = FhirContext.forR4();

    private CorePackageWriter() {}

    /** Usage: {@code CorePackageWriter <home>}; the package lands in {@code <home>/.fhir/packages}. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: CorePackageWriter <home folder for SUSHI>");
            System.exit(2);
        }
        Path folder = writeIfMissing(Path.of(args[0]));
        System.out.println("core package ready in " + folder);
    }

    /** The folder SUSHI reads the core package from when it runs with {@code HOME=home}. */
    public static Path packageFolder(Path home) {
        return home.resolve(".fhir").resolve("packages").resolve(PACKAGE);
    }

    /**
     * Writes the package unless it is already there; written to a sibling folder first and then moved,
     * so an interrupted run never leaves a half package that would look complete.
     */
    public static synchronized Path writeIfMissing(Path home) {
        Path target = packageFolder(home);
        if (Files.isRegularFile(target.resolve("package").resolve("package.json"))) {
            return target;
        }
        try {
            Path partial = Files.createDirectories(target.resolveSibling(PACKAGE + ".partial"));
            deleteRecursively(partial);
            new CorePackageWriter().write(Files.createDirectories(partial.resolve("package")));
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + PACKAGE + " under " + home, e);
        }
    }

    private void write(Path packageDir) throws IOException {
        IParser json = fhirContext.newJsonParser();
        for (String bundlePath : BUNDLES) {
            for (Bundle.BundleEntryComponent entry : readBundle(bundlePath).getEntry()) {
                Resource resource = entry.getResource();
                if (resource != null && resource.hasIdElement()) {
                    String name = resource.fhirType() + "-" + resource.getIdElement().getIdPart() + ".json";
                    Files.writeString(packageDir.resolve(name), json.encodeResourceToString(resource));
                }
            }
        }
        Files.writeString(packageDir.resolve("package.json"), PACKAGE_JSON);
    }

    private Bundle readBundle(String classpathPath) throws IOException {
        try (InputStream in = CorePackageWriter.class.getResourceAsStream(classpathPath)) {
            if (in == null) {
                throw new IOException("not on the classpath: " + classpathPath + " (hapi-fhir-validation-resources-r4)");
            }
            IParser parser = classpathPath.endsWith(".json") ? fhirContext.newJsonParser() : fhirContext.newXmlParser();
            return parser.parseResource(Bundle.class, new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(folder)) {
                    Files.delete(path);
                }
            }
        }
    }
}
