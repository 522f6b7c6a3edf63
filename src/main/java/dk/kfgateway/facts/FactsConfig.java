package dk.kfgateway.facts;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration
public class FactsConfig {

  @Bean
  public CaseFacts caseFacts(DaoRegistry daos, PlatformTransactionManager transactions) {
    return new CaseFacts(daos, transactions);
  }
}
