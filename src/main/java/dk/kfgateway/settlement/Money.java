package dk.kfgateway.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in Danish kroner, to the øre (two decimals, half up). */
public final class Money {

  public static final String CURRENCY = "DKK";

  private Money() {}

  public static BigDecimal kr(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }
}
