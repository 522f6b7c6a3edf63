package dk.kfgateway.readiness;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One line at the moment readiness turns UP (Spring's ReadinessState ACCEPTING_TRAFFIC, after the start-up steps of
 * {@link StartupHealthIndicator}), and one when it turns away again on shut-down. For a person reading the log; scripts
 * and the container's health check ask {@code /actuator/health/readiness}.
 */
@Component
class ReadinessLog {

  private static final Logger log = LoggerFactory.getLogger(ReadinessLog.class);

  private final ApplicationContext context;

  ReadinessLog(ApplicationContext context) {
    this.context = context;
  }

  @EventListener
  void changed(AvailabilityChangeEvent<ReadinessState> event) {
    if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
      int port = context instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : -1;
      double seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
      log.info("Gateway ready at http://localhost:{}/fhir after {} s", port, String.format("%.1f", seconds));
    } else {
      log.info("Gateway not ready: refusing traffic");
    }
  }
}
