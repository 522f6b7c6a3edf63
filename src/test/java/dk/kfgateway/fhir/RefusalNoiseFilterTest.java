package dk.kfgateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

/** Which lines the filter keeps out of the log: refusals and their echoes only, never a genuine error. */
class RefusalNoiseFilterTest {

  private final LoggerContext context = new LoggerContext();
  private final RefusalNoiseFilter filter = new RefusalNoiseFilter();

  @Test
  void twoConcurrentUpdatesCollidingOnAVersionAreARefusalNotAnError() {
    assertThat(decide(RefusalNoiseFilter.SQL_EXCEPTIONS, Level.ERROR,
        "Unique index or primary key violation: \"PUBLIC.IDX_RESVER_ID_VER_INDEX_4 ON PUBLIC.HFJ_RES_VER\""))
        .isEqualTo(FilterReply.DENY);
    assertThat(decide(RefusalNoiseFilter.SQL_EXCEPTIONS, Level.ERROR, "Connection is closed"))
        .isEqualTo(FilterReply.NEUTRAL);
  }

  private FilterReply decide(String logger, Level level, String message) {
    return filter.decide(null, context.getLogger(logger), level, message, null, null);
  }
}
