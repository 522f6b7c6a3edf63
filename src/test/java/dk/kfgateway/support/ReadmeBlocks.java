package dk.kfgateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated block of the README, between a start and an end marker comment: the test of each generated table
 * compares the README with what the code makes, and rewrites the block when run with {@code -Dreadme.update=true}.
 */
public final class ReadmeBlocks {

  private static final Path README = Path.of("README.md");
  private static final String UPDATE = "readme.update";

  private ReadmeBlocks() {}

  /**
   * Asserts that the README holds {@code expected}, whose first line is the start marker and whose last the end
   * marker; {@code test} is the test class that regenerates it.
   */
  public static void assertGenerated(String expected, Class<?> test) throws IOException {
    String start = expected.substring(0, expected.indexOf('\n'));
    String end = expected.substring(expected.lastIndexOf('\n', expected.length() - 2) + 1, expected.length() - 1);
    String readme = Files.readString(README);
    int from = readme.indexOf(start);
    assertThat(from).as("README.md has the marker %s where the generated table belongs", start).isNotNegative();
    int to = readme.indexOf(end, from) + end.length() + 1;
    if (Boolean.getBoolean(UPDATE)) {
      Files.writeString(README, readme.substring(0, from) + expected + readme.substring(to));
      return;
    }
    assertThat(readme.substring(from, to))
        .as("README.md differs from the code after %s: regenerate it with"
            + " mvn -B -o -q test-compile surefire:test -Dtest=%s -D%s=true", start, test.getSimpleName(), UPDATE)
        .isEqualTo(expected);
  }
}
