package dk.kfgateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * All of the gateway's own configuration, under the prefix {@code gateway}; one nested record per capability.
 * Database and port use Spring Boot's standard keys ({@code spring.datasource.*}, {@code server.port}). Every key is
 * documented in the README.
 */
@Validated
@ConfigurationProperties("gateway")
public record GatewayProperties(
    @Valid @NotNull @DefaultValue Storage storage,
    @Valid @NotNull @DefaultValue Fhir fhir,
    @Valid @NotNull @DefaultValue Demo demo) {

  /**
   * @param dataDir folder of the embedded H2 database (used by the default {@code spring.datasource.url})
   * @param schemaUpdate let Hibernate create and update the schema on start ("update"); "validate" or "none" where a DBA
   *     owns the schema
   */
  public record Storage(
      @NotBlank @DefaultValue("./data") String dataDir, @NotBlank @DefaultValue("update") String schemaUpdate) {}

  /**
   * @param defaultPageSize search page size when the client gives no {@code _count}
   * @param maxPageSize the largest {@code _count} honoured
   * @param searchReuse how long an identical search may reuse cached results; zero so that a work-list poll always
   *     sees a task created a moment ago
   * @param validateOnWrite validate profiled resources against the IG on every write
   */
  public record Fhir(
      @Min(1) @DefaultValue("20") int defaultPageSize,
      @Min(1) @DefaultValue("200") int maxPageSize,
      @NotNull @DefaultValue("0s") Duration searchReuse,
      @DefaultValue("true") boolean validateOnWrite) {}

  /** @param enabled load demo organisations, people and referrals on start (idempotent) */
  public record Demo(@DefaultValue("true") boolean enabled) {}
}
