package dk.kfgateway.fhir;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One line once everything that runs on start (IG install, validator warm-up, demo data) is done: the moment the
 * gateway is really ready. {@code bench/startup} waits for it.
 */
@Component
public class ReadinessLog {

  private static final Logger log = LoggerFactory.getLogger(ReadinessLog.class);

  @Order(Ordered.LOWEST_PRECEDENCE)
  @EventListener(ApplicationReadyEvent.class)
  public void ready(ApplicationReadyEvent event) {
    int port =
        event.getApplicationContext() instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : -1;
    double seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
    log.info("Gateway ready at http://localhost:{}/fhir after {} s", port, String.format("%.1f", seconds));
  }
}
