package dk.kfgateway.ig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fails when the committed {@code profiles/} no longer match what SUSHI makes of {@code ig/}.
 *
 * <p>Why: the server validates against {@code profiles/}, not against the FSH; an edit to the FSH without
 * running {@code ig/build} would silently not take effect. The test runs the same {@code ig/build} on a copy
 * of {@code ig/} into a temporary folder (never touching {@code profiles/}); the FHIR core package SUSHI needs
 * is written once into the build directory and reused.
 */
class ProfilesUpToDateTest {

    private static final Set<String> NOT_COPIED = Set.of("node_modules", "fsh-generated", "output");

    @TempDir
    Path work;

    @Test
    void committedProfilesMatchTheFshSources() throws Exception {
        Path repo = repositoryRoot();
        Path fhirHome = buildDirectory().resolve("fhir-home");
        CorePackageWriter.writeIfMissing(fhirHome);
        Path igCopy = copyOfIg(repo.resolve("ig"), work.resolve("ig"));
        Path built = work.resolve("profiles");

        runBuild(repo, igCopy, fhirHome, built);

        List<String> differences = differences(repo.resolve("profiles"), built);
        assertThat(differences)
                .as("profiles/ is out of date with ig/: run ig/build and commit profiles/. Differing files:%n%s",
                        String.join("\n", differences))
                .isEmpty();
    }

    private static void runBuild(Path repo, Path igCopy, Path fhirHome, Path out) throws Exception {
        Path log = Files.createTempFile("ig-build", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", repo.resolve("ig/build").toString(), out.toString())
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("KF_FHIR_HOME", fhirHome.toString());
        builder.environment().put("KF_IG_WORKDIR", igCopy.toString());
        Process process = builder.start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished && process.exitValue() == 0).as("ig/build failed:%n%s", output).isTrue();
    }

    private static List<String> differences(Path committed, Path built) throws IOException {
        Set<String> names = new TreeSet<>();
        names.addAll(fileNames(committed));
        names.addAll(fileNames(built));
        List<String> differences = new ArrayList<>();
        for (String name : names) {
            Path old = committed.resolve(name);
            Path fresh = built.resolve(name);
            if (!Files.exists(fresh)) {
                differences.add("profiles/" + name + " (no longer generated)");
            } else if (!Files.exists(old)) {
                differences.add("profiles/" + name + " (missing)");
            } else if (!Arrays.equals(Files.readAllBytes(old), Files.readAllBytes(fresh))) {
                differences.add("profiles/" + name + " (changed)");
            }
        }
        return differences;
    }

    private static List<String> fileNames(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    private static Path copyOfIg(Path ig, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(ig)) {
            for (Path source : paths.filter(p -> !isExcluded(ig.relativize(p))).toList()) {
                Path destination = target.resolve(ig.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
        }
        return target;
    }

    private static boolean isExcluded(Path relative) {
        return relative.getNameCount() > 0 && NOT_COPIED.contains(relative.getName(0).toString());
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("ig/build"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("ig/build not found above the working directory").isNotNull();
        return dir;
    }

    /** target/ or whatever -DbuildDir names: the parent of the test classes folder. */
    private static Path buildDirectory() throws URISyntaxException {
        Path testClasses = Path.of(ProfilesUpToDateTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return testClasses.getParent();
    }
}
