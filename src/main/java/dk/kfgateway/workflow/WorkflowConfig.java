package dk.kfgateway.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import dk.kfgateway.GatewayProperties;
import dk.kfgateway.calendar.DeadlinePolicy;
import dk.kfgateway.calendar.WorkingDayCalendar;
import dk.kfgateway.fhir.GatewayInterceptors;
import dk.kfgateway.fhir.IfMatchRequiredInterceptor;
import dk.kfgateway.referral.ServiceCatalogue;
import dk.kfgateway.referral.ServiceDefinition;
import java.time.Clock;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The task workflow in the running server: the state machine, deadlines and versioned updates. */
@Configuration
public class WorkflowConfig {

  @Bean
  public TaskRecords taskRecords(DaoRegistry daos, dk.kfgateway.facts.CaseFacts facts) {
    return new TaskRecords(daos, facts);
  }

  @Bean
  public DeadlinePolicy deadlinePolicy(GatewayProperties properties, WorkingDayCalendar calendar) {
    return new DeadlinePolicy(properties.deadlines().rules(), properties.deadlines().agreements(), calendar);
  }

  @Bean
  public TaskWorkflowInterceptor taskWorkflowInterceptor(
      TaskRecords records,
      DeadlinePolicy deadlinePolicy,
      ServiceCatalogue catalogue,
      Clock clock) {
    TaskTransitions transitions = TaskTransitions.standard();
    LoggerFactory.getLogger(WorkflowConfig.class).info("Task state machine:\n{}", transitions.describe());
    TaskDeadlines deadlines =
        new TaskDeadlines(deadlinePolicy, code -> catalogue.find(code).map(ServiceDefinition::deadlineRule));
    return 
        new TaskWorkflowInterceptor(new TaskChangePolicy(transitions, records), records, deadlines, clock);
  }

  @Bean
  public IfMatchRequiredInterceptor ifMatchRequiredInterceptor(GatewayInterceptors interceptors) {
    return interceptors.register(new IfMatchRequiredInterceptor(Set.of("Task")));
  }
}
