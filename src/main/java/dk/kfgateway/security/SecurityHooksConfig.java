package dk.kfgateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kfgateway.GatewayProperties;
import dk.kfgateway.fhir.GatewayInterceptors;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The security pieces inside the FHIR server: the caller from the token, the scope check of requests and of included
 * resources, and the security section of the CapabilityStatement (each on its registry through GatewayInterceptors);
 * SMART discovery.
 */
@Configuration
public class SecurityHooksConfig {

  @Bean
  SmartEndpoints smartEndpoints(GatewayProperties properties) {
    return new SmartEndpoints(properties.security());
  }

  @Bean
  public CallerInterceptor callerInterceptor(GatewayInterceptors interceptors) {
    return interceptors.register(new CallerInterceptor());
  }

  @Bean
  public ScopeInterceptor scopeInterceptor(GatewayInterceptors interceptors) {
    return interceptors.register(new ScopeInterceptor());
  }

  @Bean
  public IncludedResourcesInterceptor includedResourcesInterceptor(GatewayInterceptors interceptors) {
    return interceptors.register(new IncludedResourcesInterceptor());
  }

  @Bean
  public CapabilitySecurityInterceptor capabilitySecurityInterceptor(
      GatewayInterceptors interceptors, SmartEndpoints endpoints, GatewayProperties properties) {
    boolean cors = !properties.security().corsAllowedOrigins().isEmpty();
    return interceptors.register(new CapabilitySecurityInterceptor(endpoints, cors));
  }

  @Bean
  public ServletRegistrationBean<SmartConfigurationServlet> smartConfigurationServlet(
      SmartEndpoints endpoints, ObjectMapper json) {
    ServletRegistrationBean<SmartConfigurationServlet> registration =
        new ServletRegistrationBean<>(new SmartConfigurationServlet(endpoints, json), SmartEndpoints.DISCOVERY_PATH);
    registration.setName("smart-configuration");
    return registration;
  }
}
