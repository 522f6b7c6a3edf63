package dk.kfgateway.settlement;

import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * A charge at the agreement's price of its year: unit price, total, whether it goes on an invoice by itself (a
 * started coordinator case under instalments is paid by the instalment and only counted, SET-008), and the text that
 * says which rule and source priced it. Pure.
 */
public record PricedCharge(Charge charge, BigDecimal unitPrice, BigDecimal total, boolean billable, String note) {

  static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

  public static PricedCharge of(Charge charge, Agreement agreement) {
    int year = charge.occurrence().atZone(DENMARK).getYear();
    ChargeCode code = charge.code();
    var price = agreement.unitPrice(code, year);
    if (price.isEmpty()) {
      return new PricedCharge(charge, null, Money.kr(BigDecimal.ZERO), false, code.rule().display(
          charge.explanation() + ": no price for '" + code.priceKey() + "' in " + agreement.title()
              + ", so not billed"));
    }
    BigDecimal unit = price.get().amount();
    BigDecimal total = Money.kr(unit.multiply(charge.quantity()));
    boolean coveredByInstalment = code == ChargeCode.STARTED_COORDINATOR_CASE && !agreement.billsEachStartedCase();
    String computed = SettlementRules.under(code.rule(), price.get().source()).display(charge.explanation() + ": "
        + charge.quantity().stripTrailingZeros().toPlainString() + " " + code.unit() + " x " + unit.toPlainString()
        + " kr = " + total.toPlainString() + " kr, " + year + " prices of " + agreement.title()
        + (coveredByInstalment ? "; paid by the monthly instalment, counted for the year's deviation ("
            + SettlementRules.COORDINATOR_INSTALMENT.id() + ")" : ""));
    return new PricedCharge(charge, unit, total, !coveredByInstalment && charge.quantity().signum() != 0, computed);
  }
}
