package dk.kfgateway.security;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What Tomcat refuses before the application sees a request (an encoded '/' or '\' in the path, a malformed request
 * line) gets an OperationOutcome too, not Tomcat's HTML error page: the host's error report valve is
 * {@link OutcomeValve}. Errors that reach the application are {@link ErrorOutcomes}'.
 */
@Configuration
class OutcomeErrorReports {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> outcomeErrorReportValve() {
    return factory -> factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        host.setErrorReportValveClass(OutcomeValve.class.getName());
      }
    });
  }

  /** Tomcat's error report valve, writing the error as an OperationOutcome; public for Tomcat to create it. */
  public static final class OutcomeValve extends ErrorReportValve {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      // as Tomcat's own: nothing for a success, an answer already written, or an error already reported
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      try {
        response.setContentType("application/fhir+json");
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(ErrorOutcomes.outcome(status)));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the client is gone or the response committed: nothing more to say
      }
    }
  }
}
