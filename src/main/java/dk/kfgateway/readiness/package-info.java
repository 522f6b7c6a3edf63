/**
 * Liveness and readiness (Spring Boot Actuator's probes, {@code /actuator/health/liveness} and {@code /readiness}):
 * live once the application runs; ready only when the IG is installed, both validators are warm and the demo data is
 * stored ({@link dk.kfgateway.readiness.StartupHealthIndicator}), announced by one log line
 * ({@link dk.kfgateway.readiness.ReadinessLog}).
 */
package dk.kfgateway.readiness;
