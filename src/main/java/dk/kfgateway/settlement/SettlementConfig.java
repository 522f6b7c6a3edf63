package dk.kfgateway.settlement;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.server.RestfulServer;
import dk.kfgateway.GatewayProperties;
import dk.kfgateway.access.RestrictedCallers;
import dk.kfgateway.audit.AuditTrail;
import dk.kfgateway.referral.ServiceCatalogue;
import dk.kfgateway.security.CasePartiesLookup;
import dk.kfgateway.security.PartyRole;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Settlement in the running server: the agreements, the charge hook on Task writes, the operations. */
@Configuration
public class SettlementConfig {

  @Bean
  public Agreements agreements(GatewayProperties properties) {
    return new Agreements(properties.settlement().agreements(), properties.settlement().defaultRegion());
  }

  @Bean
  public ChargeItems chargeItems(DaoRegistry daos) {
    return new ChargeItems(daos);
  }

  @Bean
  public Credits credits(ChargeItems items) {
    return new Credits(items);
  }

  @Bean
  public TaskChargeInterceptor taskChargeInterceptor(ChargeItems items, Credits credits, Agreements agreements,
      ServiceCatalogue catalogue, CasePartiesLookup parties, Clock clock) {
    Billing billing = new Billing(items, credits, agreements, catalogue, parties);
    return new TaskChargeInterceptor(billing, clock);
  }

  @Bean
  public Settlements settlements(DaoRegistry daos, ChargeItems items, Agreements agreements,
      GatewayProperties properties) {
    Set<String> administrators = properties.security().clients().values().stream()
        .filter(c -> c.role() == PartyRole.ADMINISTRATOR).map(c -> c.organization()).collect(Collectors.toSet());
    return new Settlements(daos, items, agreements, administrators);
  }

  @Bean
  public SettlementOperations settlementOperations(DaoRegistry daos, Settlements settlements, Credits credits,
      Agreements agreements, RestrictedCallers restricted, PlatformTransactionManager transactions, Clock clock,
      AuditTrail audit, RestfulServer server) {
    SettlementOperations operations =
        new SettlementOperations(daos, settlements, credits, agreements, restricted, transactions, clock, audit);
    server.registerProvider(operations);
    return operations;
  }
}
