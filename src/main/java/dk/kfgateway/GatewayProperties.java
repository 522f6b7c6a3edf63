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
    @Valid @NotNull @DefaultValue Demo demo,
    @Valid @NotNull @DefaultValue Deadlines deadlines,
    @Valid @NotNull @DefaultValue Security security,
    @Valid @NotNull @DefaultValue Routing routing,
    @Valid @NotNull @DefaultValue Consent consent,
    @Valid @NotNull @DefaultValue Notification notification,
    @Valid @NotNull @DefaultValue Console console,
    @Valid @NotNull @DefaultValue Settlement settlement) {

  /**
   * The web console for the clinic's secretariat and the administrator at {@code /console} (README "Console"): a
   * browser app on the FHIR API with the signed-in person's token (authorization code with PKCE).
   *
   * @param enabled serve the console and let the embedded authorisation server sign its people in
   * @param clientId the console's public OAuth2 client id
   * @param redirectUris where the authorisation server may send the browser back with the code: the console's own
   *     address ({@code https://gateway.region.example/console/}); a loopback address matches on any port
   * @param authorizationEndpoint the region's identity provider's authorisation endpoint; empty: the embedded one
   * @param tokenEndpoint the region's identity provider's token endpoint; empty: the embedded one
   * @param poll how often the work list asks for new tasks
   * @param people the people the embedded authorisation server signs in, by user name (demo; in production the
   *     region's identity provider, which writes the same claims)
   */
  public record Console(
      @DefaultValue("true") boolean enabled,
      @NotBlank @DefaultValue("kf-console") String clientId,
      @NotNull @DefaultValue java.util.List<String> redirectUris,
      String authorizationEndpoint,
      String tokenEndpoint,
      @NotNull @DefaultValue("5s") Duration poll,
      @Valid @NotNull @DefaultValue java.util.Map<String, Person> people) {

    /**
     * A person who signs in to the console.
     *
     * @param password in Spring's encoded form: {@code {bcrypt}...}, {@code {noop}...} for the demo people only
     * @param name the name shown, and written into the audit trail
     * @param role the party role the person works in
     * @param organization the Organization the person works for
     * @param practitionerRole the person's PractitionerRole, or empty
     */
    public record Person(
        @NotBlank String password,
        @NotBlank String name,
        @NotNull dk.kfgateway.security.PartyRole role,
        @NotBlank String organization,
        String practitionerRole) {}
  }

  /**
   * Settlement (afregning, README "Settlement"): the municipality-region agreements, by the municipality's Organization
   * id. A municipality without an entry is settled by the bekendtgørelse's defaults (bkg 2019 §17-§19, bilag 1).
   *
   * @param agreements the agreement of each municipality
   * @param defaultRegion the issuing region of a municipality without an agreement
   */
  public record Settlement(
      @Valid @NotNull @DefaultValue java.util.Map<String, dk.kfgateway.settlement.AgreementProperties> agreements,
      @NotBlank @DefaultValue("Organization/kf-region-sjaelland") String defaultRegion) {}

  /**
   * @param expiryCheck how often the gateway looks for consents whose period ran out, to put their open tasks on hold
   *     (guide pkt. 13)
   */
  /**
   * The gateway's own delivery of Subscription notifications (package notification): how often the dispatcher looks,
   * how many endpoints it serves at once (a hanging one holds one worker for {@code timeout}), the back-off after a
   * failure, after how many consecutive failures a Subscription goes to {@code error}, and how long a notification
   * waits for a subscriber that is off (in error) before it is dropped.
   */
  public record Notification(
      @DefaultValue("true") boolean dispatcherEnabled,
      @NotNull @DefaultValue("500ms") Duration interval,
      @Min(1) @DefaultValue("8") int workers,
      @Min(1) @DefaultValue("20") int batchSize,
      @Min(1) @DefaultValue("5") int maxFailures,
      @NotNull @DefaultValue("1s") Duration initialBackoff,
      @NotNull @DefaultValue("5m") Duration maxBackoff,
      @NotNull @DefaultValue("5s") Duration timeout,
      @NotNull @DefaultValue("24h") Duration retention,
      @NotNull @DefaultValue("1s") Duration registryRefresh) {}

  public record Consent(@NotNull @DefaultValue("15m") Duration expiryCheck) {}

  /**
   * Results routing and push delivery of the GP's copies (README "Results routing and GP delivery").
   *
   * @param endpoints the GP system's message endpoint per GP clinic (its Organization id), e.g.
   *     {@code gp-clinic-nordvej: https://gp.example/fhir/$process-message}; a clinic without one fetches its copies
   *     by search
   * @param demoInbox when no endpoint is configured, deliver to the gateway's own demo inbox ({@code /demo/gp-inbox})
   * @param dispatcherEnabled run the dispatcher on this node
   * @param interval pause between two rounds of the dispatcher
   * @param batchSize most copies one round delivers
   * @param maxAttempts failed attempts before a copy becomes a dead letter for the secretariat
   * @param initialBackoff wait after the first failure; doubled after each further failure
   * @param maxBackoff the longest wait between two attempts
   * @param timeout connect and answer timeout of one delivery
   * @param acknowledgementTimeout how long the GP system may take to post its MedCom Acknowledgement of a message it
   *     took without one; then the same message is sent again (an attempt)
   */
  public record Routing(
      @NotNull @DefaultValue java.util.Map<String, String> endpoints,
      @DefaultValue("false") boolean demoInbox,
      @DefaultValue("true") boolean dispatcherEnabled,
      @NotNull @DefaultValue("5s") Duration interval,
      @Min(1) @DefaultValue("20") int batchSize,
      @Min(1) @DefaultValue("8") int maxAttempts,
      @NotNull @DefaultValue("10s") Duration initialBackoff,
      @NotNull @DefaultValue("1h") Duration maxBackoff,
      @NotNull @DefaultValue("10s") Duration timeout,
      @NotNull @DefaultValue("15m") Duration acknowledgementTimeout) {}

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
   * @param rulesEnabled the gateway's own interceptors (validation, intake, workflow, consent, routing, scopes, tenancy,
   *     audit); false only for the benchmark's baseline (plain HAPI JPA on the same storage behind the same token
   *     check), never in production
   */
  public record Fhir(
      @Min(1) @DefaultValue("20") int defaultPageSize,
      @Min(1) @DefaultValue("200") int maxPageSize,
      @NotNull @DefaultValue("0s") Duration searchReuse,
      @DefaultValue("true") boolean validateOnWrite,
      @DefaultValue("true") boolean rulesEnabled) {}

  /**
   * Deadlines (frister): the defaults hold "unless otherwise agreed" between municipality and region.
   *
   * @param nonWorkingDays optional days off besides the public holidays: CONSTITUTION_DAY, CHRISTMAS_EVE, NEW_YEARS_EVE
   * @param rules overrides of the default deadline rules, by rule code (kf-deadline-rules), in the calendar's format,
   *     e.g. {@code calendar-days-14: "calendar-days:21 @ Samarbejdsaftale 2026 pkt. 5"}
   * @param agreements per municipality (its Organization id), overrides of that municipality-region agreement, same
   *     format
   */
  public record Deadlines(
      @NotNull @DefaultValue({"CONSTITUTION_DAY", "CHRISTMAS_EVE", "NEW_YEARS_EVE"})
          java.util.Set<dk.kfgateway.calendar.OptionalHoliday> nonWorkingDays,
      @NotNull @DefaultValue java.util.Map<String, String> rules,
      @NotNull @DefaultValue java.util.Map<String, java.util.Map<String, String>> agreements) {}

  /** @param enabled load demo organisations, people and referrals on start (idempotent) */
  public record Demo(@DefaultValue("true") boolean enabled) {}

  /**
   * OAuth2 / SMART on FHIR backend services: the gateway is a resource server for bearer JWTs, and by default also
   * their issuer (an embedded authorisation server with the clients below). See the README's security section.
   *
   * @param audience the {@code aud} every token must carry; the embedded server writes it into its tokens
   * @param issuerUri the expected {@code iss}; for an external issuer also where its keys are discovered; for the
   *     embedded server the issuer it writes (empty: taken from the request's host)
   * @param jwkSetUri the external issuer's key set; when empty and the embedded server is off, found from issuerUri
   * @param tokenEndpoint the token endpoint announced in discovery and metadata (empty: the embedded one)
   * @param clockSkew tolerance for {@code exp}/{@code nbf} between the issuer's clock and ours
   * @param corsAllowedOrigins browser origins allowed by CORS; empty (the default) is CORS off
   * @param authorizationServer the embedded authorisation server
   * @param roleScopes the SMART scopes a client of each role may ask for, unless its entry lists its own
   * @param clients the registered client systems by client id (the embedded server's registrations)
   * @param maxRequestSize the largest request body accepted (413 above it): a case is at most 75 pages (guide pkt.
   *     12), which as scanned PDFs sent base64-encoded in one transaction stays well below the default
   * @param unrestrictedClients client ids exempt from tenant isolation (test and data-migration tools only; empty by
   *     default); their scopes still apply and every access is audited
   */
  public record Security(
      @NotBlank @DefaultValue("kf-gateway") String audience,
      String issuerUri,
      String jwkSetUri,
      String tokenEndpoint,
      @NotNull @DefaultValue("60s") Duration clockSkew,
      @NotNull @DefaultValue java.util.List<String> corsAllowedOrigins,
      @Valid @NotNull @DefaultValue AuthorizationServer authorizationServer,
      @NotNull @DefaultValue java.util.Map<dk.kfgateway.security.PartyRole, java.util.List<String>> roleScopes,
      @Valid @NotNull @DefaultValue java.util.Map<String, Client> clients,
      @NotNull @DefaultValue("64MB") org.springframework.util.unit.DataSize maxRequestSize,
      @NotNull @DefaultValue java.util.List<String> unrestrictedClients) {

    /**
     * @param enabled run the embedded authorisation server (token endpoint {@code /oauth2/token})
     * @param tokenLifetime lifetime of the access tokens it issues
     * @param signingKey a JWK set file (JSON) with the RSA private key to sign with; empty: a key generated at each
     *     start (tokens die with the process; several nodes need a shared key or an external issuer)
     * @param lockout throttling of failed client authentications at the token endpoint
     */
    public record AuthorizationServer(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("5m") Duration tokenLifetime,
        String signingKey,
        @Valid @NotNull @DefaultValue Lockout lockout) {

      /**
       * After so many failed client authentications (wrong secret or assertion) within the window, for one client id
       * or from one remote address, every further attempt for it is answered 429 until one window has passed; in
       * memory, per node.
       *
       * @param maxFailuresPerClient failures of one registered client id that lock it out
       * @param maxFailuresPerAddress failures from one remote address (any client ids) that lock the address out;
       *     higher, since several client systems may reach the gateway through one proxy or NAT
       * @param window the period failures are counted in, and the length of a lock-out
       */
      public record Lockout(
          @Min(1) @DefaultValue("5") int maxFailuresPerClient,
          @Min(1) @DefaultValue("20") int maxFailuresPerAddress,
          @NotNull @DefaultValue("1m") Duration window) {}
    }

    /**
     * One registered client system.
     *
     * @param secret the client secret in Spring's encoded form: {@code {bcrypt}...} in production, {@code {noop}...}
     *     for the demo clients; empty for a client that authenticates only with a signed assertion
     * @param jwkSet a JWK Set file (JSON) with the client's public RSA key: the client then authenticates as SMART
     *     backend services do, with a JWT assertion signed RS384 ({@code private_key_jwt}); a secret or a key set is
     *     required
     * @param organization the Organization it acts for, e.g. {@code Organization/municipality-holbaek}
     * @param practitionerRole the person's PractitionerRole, or empty
     * @param scopes the SMART scopes it may ask for; empty: those of its role
     * @param endpoints the rest-hook endpoints its Subscriptions may name: exact URLs, or URL prefixes ending in
     *     {@code /*} (e.g. {@code https://ehr.example/notify/*}); empty: it cannot subscribe
     */
    public record Client(
        String secret,
        String jwkSet,
        @NotNull dk.kfgateway.security.PartyRole role,
        @NotBlank String organization,
        String practitionerRole,
        @NotNull @DefaultValue java.util.List<String> scopes,
        @NotNull @DefaultValue java.util.List<String> endpoints) {}
  }
}
