package dk.kfgateway.settlement;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One municipality-region agreement as configured ({@code gateway.settlement.agreements.<Organization id>}); what it
 * leaves out is the bekendtgørelse's default (see {@link Agreement}). README "Settlement" shows the format.
 *
 * @param title the agreement's name, printed on every invoice
 * @param region the issuing region's Organization (empty: {@code gateway.settlement.default-region})
 * @param municipalityEan the municipality's EAN location number (GLN) the invoice is addressed to (NemHandel)
 * @param paymentDays days from the invoice to the payment due date (bkg 2019 §19 stk. 3: 14)
 * @param paymentSource the paragraph of the agreement the payment days come from
 * @param coordinatorBilling how the coordinator function is paid: INSTALMENTS (the forecast in equal monthly
 *     instalments, bkg 2019 §19 stk. 2, Midtjylland aftale 7.3) or PER_CASE (each started case on the month's invoice)
 * @param deviationTolerancePercent deviations from the forecast up to this many percent are not settled
 * @param forecasts the municipality's forecast of coordinator cases per calendar year (Midtjylland aftale 6.1)
 * @param index the price index applied on 1 January of each year (factor, e.g. 1.021), from the price level on
 * @param prices price per charge key: {@code "<amount in kr> @ <price level year> @ <source>"}
 */
public record AgreementProperties(
    String title,
    String region,
    String municipalityEan,
    @Min(0) @DefaultValue("14") int paymentDays,
    String paymentSource,
    @NotNull @DefaultValue("INSTALMENTS") CoordinatorBilling coordinatorBilling,
    @NotNull @DefaultValue("5") BigDecimal deviationTolerancePercent,
    @NotNull @DefaultValue Map<Integer, Integer> forecasts,
    @NotNull @DefaultValue Map<Integer, BigDecimal> index,
    @NotNull @DefaultValue Map<String, String> prices) {

  /** How the coordinator function is paid. */
  public enum CoordinatorBilling {
    INSTALMENTS,
    PER_CASE
  }

  /** An agreement that says nothing: the bekendtgørelse's defaults throughout. */
  public static AgreementProperties none() {
    return new AgreementProperties(null, null, null, 14, null, CoordinatorBilling.INSTALMENTS, BigDecimal.valueOf(5),
        Map.of(), Map.of(), Map.of());
  }
}
