package dk.kfgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server's JVM profile is chosen once (pom.xml, gateway.jvm: the run command and, through it, bench/ and the fault
 * tests); the image, which cannot read the pom at run time, must say the same.
 */
class ServerProfileInOnePlaceTest {

  @Test
  void theImageRunsTheJvmOptionsOfTheRunCommand() throws Exception {
    Matcher image = Pattern.compile("ENV JAVA_TOOL_OPTIONS=\"([^\"]+)\"")
        .matcher(Files.readString(Path.of("docker/Dockerfile")));
    assertThat(image.find()).as("docker/Dockerfile sets JAVA_TOOL_OPTIONS").isTrue();
    assertThat(image.group(1)).isEqualTo(ServerProfile.ofPom(Path.of("pom.xml")));
  }

  @Test
  void theBenchmarkScriptsTakeTheirOptionsFromThePom() throws Exception {
    for (String script : new String[] {"bench/startup", "bench/load"}) {
      assertThat(Files.readString(Path.of(script))).as(script).contains("gateway.jvm").doesNotContain("-Xmx512m");
    }
  }
}
