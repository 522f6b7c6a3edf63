package dk.kfgateway.rules;

import dk.kfgateway.support.ReadmeBlocks;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The README's rule tables are the rule catalogue, not copies typed by hand. */
class RuleTablesInReadmeTest {

  private static final List<RuleCatalogue.Entry> CATALOGUE = RuleCatalogue.entries();

  @ParameterizedTest
  @EnumSource(RuleTable.class)
  void theReadmeShowsTheTableMadeFromTheCatalogue(RuleTable table) throws Exception {
    ReadmeBlocks.assertGenerated(RuleCatalogue.markdown(table, CATALOGUE), RuleTablesInReadmeTest.class);
  }
}
