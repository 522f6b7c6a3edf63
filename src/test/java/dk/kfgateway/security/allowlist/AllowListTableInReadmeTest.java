package dk.kfgateway.security.allowlist;

import dk.kfgateway.support.ReadmeBlocks;
import org.junit.jupiter.api.Test;

/** The README's "What each party may do" is the declaration that is enforced (SEC-008), not a copy typed by hand. */
class AllowListTableInReadmeTest {

  @Test
  void theReadmeShowsTheTableMadeFromTheDeclaration() throws Exception {
    ReadmeBlocks.assertGenerated(AllowListTable.markdown(AllowListYaml.load()), AllowListTableInReadmeTest.class);
  }
}
