package dk.kfgateway.consent;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.server.RestfulServer;
import dk.kfgateway.GatewayProperties;
import dk.kfgateway.audit.AuditTrail;
import dk.kfgateway.fhir.GatewayInterceptors;
import dk.kfgateway.referral.ServiceCatalogue;
import dk.kfgateway.workflow.TaskRecords;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Consent enforcement in the running server: the decision service and every place that asks it. */
@Configuration
public class ConsentConfig {

  @Bean
  CaseRecords consentCaseRecords(dk.kfgateway.facts.CaseFacts facts) {
    return new CaseRecords(facts);
  }

  @Bean
  ConsentAudit consentAudit(AuditTrail trail) {
    return new ConsentAudit(trail);
  }

  @Bean
  public ConsentDecisions consentDecisions(
      CaseRecords records, ServiceCatalogue catalogue, TaskRecords owners, Clock clock) {
    return new ConsentDecisions(records, ConsentPolicy.standard(), catalogue, owners, clock);
  }

  @Bean
  public IntakeConsentGate intakeConsentGate(
      ConsentDecisions decisions, CaseRecords records, ConsentAudit audit, GatewayInterceptors hooks) {
    return hooks.register(new IntakeConsentGate(decisions, records, audit));
  }

  @Bean
  public TriageConsentGate triageConsentGate(ConsentDecisions decisions, ConsentAudit audit) {
    return new TriageConsentGate(decisions, audit);
  }

  @Bean
  public ConsentWithdrawalInterceptor consentWithdrawalInterceptor(ConsentDecisions decisions, CaseRecords records,
      TaskRecords taskRecords, DaoRegistry daos, ConsentAudit audit) {
    // In the consent's own transaction: the citizen and tasks may come in the same referral Bundle.
    CaseRecords inline = records.inline();
    return new ConsentWithdrawalInterceptor(decisions.over(inline), inline, taskRecords, daos, audit);
  }

  @Bean
  ConsentExpiryWatch consentExpiryWatch(DaoRegistry daos, ConsentWithdrawalInterceptor withdrawal,
      PlatformTransactionManager transactions, Clock clock) {
    return new ConsentExpiryWatch(daos, withdrawal, new TransactionTemplate(transactions), clock);
  }

  /** Sweeps for expired consents on a thread of its own, first one interval after start. */
  @Bean(destroyMethod = "shutdown")
  ThreadPoolTaskScheduler consentExpirySchedule(ConsentExpiryWatch watch, GatewayProperties properties, Clock clock) {
    ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    scheduler.setThreadNamePrefix("consent-expiry-");
    scheduler.initialize();
    Duration every = properties.consent().expiryCheck();
    scheduler.scheduleWithFixedDelay(watch::sweep, clock.instant().plus(every), every);
    return scheduler;
  }

  @Bean
  public GpContactGuard gpContactGuard(
      ConsentDecisions decisions, CaseRecords records, ConsentAudit audit) {
    return new GpContactGuard(decisions, records, audit);
  }

  @Bean
  public IndependenceInterceptor independenceInterceptor(
      ConsentDecisions decisions, CaseRecords records, Clock clock) {
    return new IndependenceInterceptor(decisions, records, clock);
  }

  /**
   * Whether a task's consent releases the citizen's data to its clinic now, decided in the caller's transaction: the
   * access labels are written with the data, so the consent and tasks of that same write count.
   */
  @Bean
  public ConsentRelease consentRelease(ConsentDecisions decisions, CaseRecords records) {
    ConsentDecisions inline = decisions.over(records.inline());
    return task -> inline.decideForTask(task).permit();
  }

  /** The same decision over the consents arriving with a referral, before it is stored. */
  @Bean
  public ArrivingConsentRelease arrivingConsentRelease(ConsentDecisions decisions) {
    return (task, referral, arriving) -> decisions.decideArriving(task, referral, arriving).permit();
  }

  @Bean
  public AuthorizeLookupProvider authorizeLookupProvider(ConsentDecisions decisions, CaseRecords records,
      TaskRecords owners, ConsentAudit audit, RestfulServer server) {
    AuthorizeLookupProvider provider = new AuthorizeLookupProvider(decisions, records, owners, audit);
    server.registerProvider(provider);
    return provider;
  }
}
