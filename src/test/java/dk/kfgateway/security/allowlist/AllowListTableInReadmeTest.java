package dk.kfgateway.security.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's "What each party may do" is the declaration that is enforced (SEC-008), not a copy typed by hand. */
class AllowListTableInReadmeTest {

  @Test
  void theReadmeShowsTheTableMadeFromTheDeclaration() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String expected = AllowListTable.markdown(AllowListYaml.load());
    int start = readme.indexOf(AllowListTable.START);
    int end = readme.indexOf(AllowListTable.END);
    Path generated = Path.of("target", "allow-list-table.md");
    Files.createDirectories(generated.getParent());
    Files.writeString(generated, expected);
    assertThat(start).as("README has the generated table's start marker").isNotNegative();
    assertThat(readme.substring(start, end + AllowListTable.END.length() + 1))
        .as("the README table differs from the declaration: replace it with %s", generated)
        .isEqualTo(expected);
  }
}
