package dk.kfgateway.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The one way the gateway registers its HAPI interceptors, so that each hook fires exactly once.
 *
 * <p>HAPI has two registries: the RestfulServer's, whose {@code SERVER_*} hooks see HTTP requests, and the storage
 * engine's, whose storage and subscription hooks see every write, the gateway's own DAO calls included. For an HTTP
 * request HAPI calls storage hooks of both registries, so a registry shared by the two, or an interceptor registered in
 * both, would run its storage hooks twice. Each interceptor therefore goes to exactly one: with any {@code SERVER_*}
 * hook to the server's (its storage hooks then see HTTP requests only, e.g. what a caller is shown), otherwise to the
 * storage engine's (its hooks see every write, whoever makes it).
 */
@Component
public class GatewayInterceptors {

  /**
   * Protocol wiring that stays when the gateway's rules are switched off ({@code gateway.fhir.rules-enabled=false}, the
   * benchmark's baseline): everything else registered here is the gateway's own business on top of plain HAPI JPA.
   */
  private static final Set<Class<?>> PROTOCOL =
      Set.of(CapabilityProfilesInterceptor.class, DatabaseUnavailableInterceptor.class, JsonOnlyCapability.class,
          RefusalLog.class);

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GatewayInterceptors.class);

  private final RestfulServer server;
  private final IInterceptorService storage;
  private final boolean rulesEnabled;

  public GatewayInterceptors(
      RestfulServer server, IInterceptorService storage, dk.kfgateway.GatewayProperties properties) {
    this.server = server;
    this.storage = storage;
    this.rulesEnabled = properties.fhir().rulesEnabled();
    if (!rulesEnabled) {
      log.warn("gateway.fhir.rules-enabled=false: the gateway's rules, scope checks and audit are OFF (baseline only)");
    }
  }

  public <T> T register(T interceptor) {
    if (!rulesEnabled && !PROTOCOL.contains(interceptor.getClass())) {
      return interceptor;
    }
    Set<Boolean> serverHooks =
        hooks(interceptor.getClass()).map(h -> h.value().name().startsWith("SERVER_")).collect(Collectors.toSet());
    if (serverHooks.isEmpty()) {
      throw new IllegalArgumentException(interceptor.getClass().getName() + " has no @Hook methods");
    }
    if (serverHooks.contains(true)) {
      server.registerInterceptor(interceptor);
    } else {
      storage.registerInterceptor(interceptor);
    }
    return interceptor;
  }

  private static java.util.stream.Stream<Hook> hooks(Class<?> type) {
    return Arrays.stream(type.getMethods()).map(m -> m.getAnnotation(Hook.class)).filter(h -> h != null);
  }
}
