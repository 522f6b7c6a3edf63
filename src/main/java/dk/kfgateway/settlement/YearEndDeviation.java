package dk.kfgateway.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * After each calendar year the started coordinator cases are compared with the forecast (Midtjylland aftale 7.3; bkg
 * 2019 §17 stk. 4): up to the tolerance (5 %) over or under, nothing changes; above it the municipality pays the extra
 * cases (all cases beyond the forecast) at the year's case price; below it the municipality is credited in the coming
 * year the difference between the cases and the tolerance's floor (95 % of the forecast). Pure.
 */
public final class YearEndDeviation {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private YearEndDeviation() {}

  /** The deviation line of a year, if any; only where the coordinator function is paid by instalments. */
  public static Optional<InvoiceLine> of(Agreement agreement, int year, BigDecimal cases) {
    if (agreement.billsEachStartedCase()) {
      return Optional.empty();
    }
    Optional<Integer> forecast = agreement.forecast(year);
    Optional<Agreement.UnitPrice> price = agreement.unitPrice(ChargeCode.DEVIATION_SETTLEMENT, year);
    if (forecast.isEmpty() || price.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal expected = BigDecimal.valueOf(forecast.get());
    BigDecimal tolerance = agreement.deviationTolerancePercent().divide(HUNDRED, 10, RoundingMode.HALF_UP);
    BigDecimal ceiling = expected.multiply(BigDecimal.ONE.add(tolerance));
    BigDecimal floor = expected.multiply(BigDecimal.ONE.subtract(tolerance));
    BigDecimal difference;
    String what;
    if (cases.compareTo(ceiling) > 0) {
      difference = cases.subtract(expected);
      what = "cases beyond the forecast";
    } else if (cases.compareTo(floor) < 0) {
      difference = cases.subtract(floor);
      what = "cases below " + HUNDRED.subtract(agreement.deviationTolerancePercent()).stripTrailingZeros()
          .toPlainString() + " % of the forecast, credited";
    } else {
      return Optional.empty();
    }
    BigDecimal amount = Money.kr(difference.multiply(price.get().amount()));
    String text = SettlementRules.under(SettlementRules.YEAR_END_DEVIATION, price.get().source()).display(year + ": "
        + plain(cases) + " cases against a forecast of " + forecast.get() + " (deviation " + percent(cases, expected)
        + " %, tolerance " + plain(agreement.deviationTolerancePercent()) + " %): " + plain(difference) + " " + what
        + " x " + price.get().amount().toPlainString() + " kr = " + amount.toPlainString() + " kr");
    return Optional.of(new InvoiceLine(null, ChargeCode.DEVIATION_SETTLEMENT, difference, amount, text));
  }

  private static String percent(BigDecimal cases, BigDecimal expected) {
    BigDecimal p = cases.subtract(expected).multiply(HUNDRED).divide(expected, 1, RoundingMode.HALF_UP);
    return (p.signum() > 0 ? "+" : "") + p.toPlainString();
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
