package dk.kfgateway.bench;

import dk.kfgateway.GatewayProperties;
import java.util.Arrays;
import java.util.List;

/**
 * The hook between the benchmark (and the fault tests) and GP delivery (routing, bkg 2019 §15 stk. 2): the gateway
 * arguments that point the GP clinics' delivery endpoint at a {@link GpReceiver}, or none while the gateway has no
 * routing configuration ({@code GatewayProperties} without a {@code routing} section), in which case the GP phases
 * report "not measured" and the fault tests check intake only.
 */
public final class GpDelivery {

  /** The GP clinic of every citizen the benchmark and the fault tests create (ReferralFixture). */
  public static final String GP_CLINIC = "gp-clinic-nordvej";

  private GpDelivery() {}

  /** True when this build of the gateway has a routing configuration section. */
  public static boolean available() {
    return Arrays.stream(GatewayProperties.class.getRecordComponents()).anyMatch(c -> c.getName().equals("routing"));
  }

  /**
   * The gateway arguments that send the GP copies of the benchmark's citizens (their GP is {@link #GP_CLINIC}) to this
   * receiver; empty when routing is not there.
   */
  public static List<String> gatewayArgs(GpReceiver receiver) {
    if (!available()) {
      return List.of();
    }
    return List.of("--gateway.routing.endpoints." + GP_CLINIC + "=" + receiver.endpoint() + "/$process-message");
  }

  /** True when the arguments above actually wire GP delivery (key names known). */
  public static boolean wired(GpReceiver receiver) {
    return !gatewayArgs(receiver).isEmpty();
  }
}
