package dk.kfgateway.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import dk.kfgateway.fhir.GatewayInterceptors;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration
public class AuditConfig {

  @Bean
  public AuditTrail auditTrail(DaoRegistry daos, PlatformTransactionManager transactions, Clock clock) {
    return new AuditTrail(daos, transactions, clock);
  }

  @Bean
  public AccessAudit accessAudit(AuditTrail trail, dk.kfgateway.access.Citizens citizens,
      GatewayInterceptors interceptors) {
    return interceptors.register(new AccessAudit(trail, citizens));
  }

  @Bean
  public WriteAudit writeAudit(AuditTrail trail, GatewayInterceptors interceptors) {
    return interceptors.register(new WriteAudit(trail));
  }

  @Bean
  public AuditTrailGuard auditTrailGuard() {
    return new AuditTrailGuard();
  }
}
