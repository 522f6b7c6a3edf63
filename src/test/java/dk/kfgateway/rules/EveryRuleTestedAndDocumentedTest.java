package dk.kfgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the catalogue is asserted by a test and has a README row, and every rule id the code names is in the
 * catalogue.
 *
 * <p>A test asserts a rule when a statement of a test source (from one {@code ;} to the next) calls an assertion, a
 * method whose name starts with {@code assert} or {@code expect} ({@code assertThat}, {@code assertRefused}, ...), and
 * holds the rule id in a string literal, e.g. {@code assertThat(ruleIds(response)).containsExactly("WF-010")}. An id in
 * a comment, a fixture or a constant's {@code id()} does not count: a test names the rule it proves.
 */
class EveryRuleTestedAndDocumentedTest {

  private static final Pattern ID = Pattern.compile("\\b[A-Z]{2,6}-\\d{3}\\b");
  private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
  private static final Pattern ASSERTION = Pattern.compile("\\b(?:assert|expect)\\w*\\s*\\(");
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  private static final List<String> CATALOGUE = RuleCatalogue.entries().stream().map(RuleCatalogue.Entry::id).toList();

  @Test
  void everyRuleHasATestThatAssertsItsId() {
    Set<String> asserted = new TreeSet<>();
    sources(Path.of("src/test/java")).forEach(source -> asserted.addAll(assertedIds(source)));
    Set<String> untested = new TreeSet<>(CATALOGUE);
    untested.removeAll(asserted);

    assertThat(untested).as("rules no test asserts (name the id in an assertion, see this test's javadoc)")
        .isEmpty();
  }

  @Test
  void everyRuleHasAReadmeRow() throws IOException {
    String readme = Files.readString(Path.of("README.md"));

    assertThat(CATALOGUE).allSatisfy(id -> assertThat(readme).as("README row of " + id).contains("| " + id + " |"));
  }

  @Test
  void everyRuleIdTheCodeNamesIsInTheCatalogue() {
    Set<String> named = new TreeSet<>();
    sources(Path.of("src/main/java")).forEach(source -> named.addAll(idsInLiterals(withoutComments(source))));

    assertThat(CATALOGUE).as("ids in the code's string literals, missing from rules.RuleTexts")
        .containsAll(named);
  }

  static Set<String> assertedIds(String source) {
    Set<String> ids = new TreeSet<>();
    for (String statement : withoutComments(source).split(";")) {
      if (ASSERTION.matcher(statement).find()) {
        ids.addAll(idsInLiterals(statement));
      }
    }
    return ids;
  }

  private static Set<String> idsInLiterals(String code) {
    Set<String> ids = new TreeSet<>();
    Matcher literal = LITERAL.matcher(code);
    while (literal.find()) {
      ID.matcher(literal.group()).results().forEach(id -> ids.add(id.group()));
    }
    return ids;
  }

  /** Comments out, string literals kept whole (a "//" inside a URL literal is not a comment). */
  private static String withoutComments(String source) {
    StringBuilder code = new StringBuilder();
    Matcher token = Pattern.compile(LITERAL.pattern() + "|" + COMMENT.pattern(), Pattern.DOTALL).matcher(source);
    int last = 0;
    while (token.find()) {
      code.append(source, last, token.start()).append(token.group().startsWith("\"") ? token.group() : " ");
      last = token.end();
    }
    return code.append(source.substring(last)).toString();
  }

  private static Stream<String> sources(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList().stream().map(f -> {
        try {
          return Files.readString(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
