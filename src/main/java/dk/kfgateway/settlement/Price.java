package dk.kfgateway.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * A price at a price level (year), with the paragraph it comes from; indexed to later years by the agreement's
 * yearly factors, applied each 1 January (Midtjylland aftale 7.3; bkg 2019 §18 stk. 2: "reguleres med den årlige
 * prisudvikling").
 */
public record Price(BigDecimal amount, int level, String source) {

  /** Parses {@code "1667 @ 2013 @ Midtjylland aftale 7.1"}. */
  public static Price parse(String text) {
    String[] parts = text.split("@", 3);
    if (parts.length < 2) {
      throw new IllegalArgumentException("A price is '<amount> @ <price level year> @ <source>', not '" + text + "'");
    }
    return new Price(new BigDecimal(parts[0].strip()), Integer.parseInt(parts[1].strip()),
        parts.length == 3 ? parts[2].strip() : "");
  }

  /** The price in a year: the amount times the factors of each year after the price level, to the øre. */
  public BigDecimal in(int year, Map<Integer, BigDecimal> index) {
    BigDecimal indexed = amount;
    for (int y = level + 1; y <= year; y++) {
      indexed = indexed.multiply(index.getOrDefault(y, BigDecimal.ONE));
    }
    return Money.kr(indexed);
  }

  /** The same price divided, e.g. an hourly rate per half hour. */
  public Price dividedBy(int parts) {
    return new Price(amount.divide(BigDecimal.valueOf(parts), 10, RoundingMode.HALF_UP), level, source);
  }
}
