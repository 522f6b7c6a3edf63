package dk.kfgateway.pipeline;

import dk.kfgateway.facts.CaseFacts;
import dk.kfgateway.fhir.GatewayInterceptors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class PipelineConfig {

  /** Every capability's write steps, in {@link WriteOrder}'s order, behind the one set of write hooks. */
  @Bean
  public WritePipeline writePipeline(ObjectProvider<WriteStep> steps, CaseFacts facts,
      GatewayInterceptors interceptors) {
    return interceptors.register(new WritePipeline(steps.stream().toList(), facts));
  }
}
