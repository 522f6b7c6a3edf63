package dk.kfgateway.routing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.server.RestfulServer;
import dk.kfgateway.GatewayProperties;
import dk.kfgateway.audit.AuditTrail;
import dk.kfgateway.facts.CaseFacts;
import dk.kfgateway.ig.ImplementationGuide;
import dk.kfgateway.routing.medcom.MedComValidator;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.PlatformTransactionManager;

/** Results routing in the running server: the table from the IG, the completion hook, the outbox and its dispatcher. */
@Configuration
public class RoutingConfig {

  @Bean
  public RoutingTable routingTable(ImplementationGuide ig) {
    RoutingTable table = RoutingTable.fromCodeSystem(ig.codeSystem("kf-result-routing")
        .orElseThrow(() -> new IllegalStateException("The IG has no CodeSystem kf-result-routing")));
    LoggerFactory.getLogger(RoutingConfig.class).info("Results routing:\n{}", table.describe());
    return table;
  }

  @Bean
  public Outbox outbox(DataSource dataSource) {
    Outbox outbox = new Outbox(new JdbcTemplate(dataSource));
    outbox.createIfMissing();
    return outbox;
  }

  /** The citizen's written consent to contact the GP, as the consent service decides it (purpose gp-contact). */
  @Bean
  public GpContactConsent gpContactConsent(dk.kfgateway.consent.ConsentDecisions decisions) {
    return (patient, organization, at) -> {
      dk.kfgateway.consent.ConsentDecision decision = decisions.gpContact(patient, organization, at);
      return new ResultRouting.GpConsent(decision.permit(), "written GP-contact consent: "
          + String.join("; ", decision.reasons()) + " [" + decision.rule().id() + "]");
    };
  }

  @Bean
  ResultRouter resultRouter(RoutingTable table, DaoRegistry daos, CaseFacts facts, Outbox outbox,
      GpContactConsent consent, GatewayProperties properties, Environment environment, Clock clock,
      MedComValidator medcom, FhirContext fhir) {
    GatewayProperties.Routing routing = properties.routing();
    // A configured endpoint, else (demo) this node's own demo inbox.
    Function<String, Optional<String>> endpoints = gp -> Optional.ofNullable(routing.endpoints().get(gp))
        .or(() -> routing.demoInbox()
            ? Optional.of("http://127.0.0.1:" + environment.getProperty("local.server.port") + "/demo/gp-inbox/" + gp)
            : Optional.empty());
    RoutingRecords records = new RoutingRecords(facts);
    CopyWriter writer = new CopyWriter(daos, outbox, endpoints, new GpMessage(records, medcom, fhir));
    return new ResultRouter(new ResultRouting(table), records, writer, consent, clock);
  }

  @Bean
  public CompletionRoutingInterceptor completionRoutingInterceptor(ResultRouter router, Clock clock) {
    return new CompletionRoutingInterceptor(router, clock);
  }

  @Bean
  public RoutingOperations routingOperations(DaoRegistry daos, Outbox outbox, ResultRouter router,
      PlatformTransactionManager transactions, Clock clock, RestfulServer server) {
    RoutingOperations operations = new RoutingOperations(daos, outbox, router, transactions, clock);
    server.registerProvider(operations);
    return operations;
  }

  /** The key the dispatcher signs its deliveries with, generated at start; the demo inbox checks it. */
  @Bean
  DeliverySignature deliverySignature() {
    return new DeliverySignature();
  }

  /**
   * The validator over the official MedCom packages ({@code classpath:/medcom/}), on the R4 core definitions the
   * storage engine holds anyway, warmed on a background thread from the moment it exists.
   */
  @Bean
  public MedComValidator medComValidator(FhirContext fhir, DefaultProfileValidationSupport core) {
    MedComValidator validator = new MedComValidator(fhir, core);
    Thread warmUp = new Thread(validator::warmUp, "medcom-validator-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    return validator;
  }

  @Bean
  DeliveryOutcomes deliveryOutcomes(Outbox outbox, DaoRegistry daos, CaseFacts facts, AuditTrail audit,
      GatewayProperties properties) {
    GatewayProperties.Routing routing = properties.routing();
    return new DeliveryOutcomes(outbox, daos, new RoutingRecords(facts), audit, new DeliveryOutcomes.Pacing(routing.batchSize(),
        routing.maxAttempts(), routing.initialBackoff(), routing.maxBackoff(), routing.timeout(),
        routing.acknowledgementTimeout()));
  }

  @Bean
  public Dispatcher dispatcher(Outbox outbox, DeliveryOutcomes outcomes, PlatformTransactionManager transactions,
      FhirContext fhir, MedComValidator medcom, Clock clock, DeliverySignature signature) {
    return new Dispatcher(outbox, outcomes, transactions, fhir, medcom, clock, signature);
  }

  /** {@code POST /fhir/$process-message}: the GP systems' MedCom Acknowledgements posted after the fact. */
  @Bean
  public AcknowledgementReceiving acknowledgementReceiving(MedComValidator medcom, Outbox outbox,
      DeliveryOutcomes outcomes, PlatformTransactionManager transactions, Clock clock, RestfulServer server,
      FhirContext fhir) {
    AcknowledgementReceiving receiving =
        new AcknowledgementReceiving(medcom, outbox, outcomes, transactions, clock, fhir);
    server.registerProvider(receiving);
    return receiving;
  }

  @Bean
  @ConditionalOnProperty(name = "gateway.routing.dispatcher-enabled", havingValue = "true", matchIfMissing = true)
  DispatchSchedule dispatchSchedule(Dispatcher dispatcher, Outbox outbox, GatewayProperties properties) {
    GatewayProperties.Routing routing = properties.routing();
    DispatchSchedule schedule = new DispatchSchedule(dispatcher, routing.interval(), routing.timeout().plusSeconds(5));
    outbox.onCommit(schedule::wakeUp);
    return schedule;
  }

  /**
   * The demo GP inbox needs no token (its listing is open, for trying it out); what it accepts is only what the
   * gateway's own dispatcher signed ({@link DemoGpInbox}).
   */
  @Bean
  @Order(0)
  @ConditionalOnProperty(name = "gateway.routing.demo-inbox", havingValue = "true")
  SecurityFilterChain demoGpInboxFilterChain(HttpSecurity http) throws Exception {
    return http.securityMatcher("/demo/gp-inbox/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable).build();
  }
}
