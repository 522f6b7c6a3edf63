package dk.kfgateway.readiness;

import dk.kfgateway.demo.DemoData;
import dk.kfgateway.fhir.IgInstaller;
import dk.kfgateway.routing.medcom.MedComValidator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The start-up steps readiness waits for, as the component {@code startup} of {@code /actuator/health/readiness}: the
 * IG installed, the profile validator and the MedCom validator warm, the demo data stored (when the demo is on). UP
 * when all are done, OUT_OF_SERVICE with the pending ones named until then.
 *
 * <p>Spring turns its own {@code readinessState} to ACCEPTING_TRAFFIC once every {@link ApplicationReadyEvent}
 * listener has returned. The IG install and the demo data are such listeners; the validators warm on background
 * threads, so the last listener ({@link #awaitWarmUps}) waits for them: readiness never turns before this component.
 */
@Component
class StartupHealthIndicator implements HealthIndicator {

  private static final String PENDING = "pending";

  private final IgInstaller ig;
  private final CompletableFuture<Void> profileValidatorWarmUp;
  private final MedComValidator medcom;
  private final ObjectProvider<DemoData> demo;

  StartupHealthIndicator(IgInstaller ig, CompletableFuture<Void> validatorWarmUp, MedComValidator medcom,
      ObjectProvider<DemoData> demo) {
    this.ig = ig;
    this.profileValidatorWarmUp = validatorWarmUp;
    this.medcom = medcom;
    this.demo = demo;
  }

  @Override
  public Health health() {
    Map<String, String> steps = new LinkedHashMap<>();
    steps.put("implementationGuide", ig.installed() ? "installed" : PENDING);
    steps.put("profileValidator", warmth(profileValidatorWarmUp));
    steps.put("medcomValidator", warmth(medcom.warm()));
    DemoData demoData = demo.getIfAvailable();
    steps.put("demoData", demoData == null ? "disabled" : demoData.stored() ? "stored" : PENDING);
    Status status = steps.values().stream().anyMatch(s -> s.startsWith("failed")) ? Status.DOWN
        : steps.containsValue(PENDING) ? Status.OUT_OF_SERVICE : Status.UP;
    return Health.status(status).withDetails(steps).build();
  }

  @Order(Ordered.LOWEST_PRECEDENCE)
  @EventListener(ApplicationReadyEvent.class)
  void awaitWarmUps() {
    profileValidatorWarmUp.join();
    medcom.warm().join();
  }

  private static String warmth(CompletableFuture<Void> warmUp) {
    return !warmUp.isDone() ? PENDING : warmUp.isCompletedExceptionally() ? "failed" : "warm";
  }
}
