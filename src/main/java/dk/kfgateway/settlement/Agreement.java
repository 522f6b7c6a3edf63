package dk.kfgateway.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A municipality-region agreement with the bekendtgørelse's defaults filled in where it is silent: LÆ 275 at 14,000 kr
 * per case at the 2011 price level (bkg 2019 §18 stk. 2, bilag 1), the coordinator's case price from the price of a
 * full-time year with overhead over 202 working days of 3 new cases (bilag 1), payment 14 days after the invoice
 * (§19 stk. 3), the coordinator function in monthly instalments in arrears (§19 stk. 2). Pure.
 */
public record Agreement(String municipality, String region, AgreementProperties terms) {

  static final Price LE275_DEFAULT = new Price(BigDecimal.valueOf(14000), 2011, "bkg 2019 §18 stk. 2, bilag 1");
  /** Bilag 1: 202 working days a year, 3 newly referred cases a working day. */
  static final int CASES_PER_FULL_TIME_YEAR = 202 * 3;
  static final String FULL_TIME_YEAR_KEY = "coordinator-full-time-year";

  /** A unit price in a year and where it comes from. */
  public record UnitPrice(BigDecimal amount, String source) {}

  public String title() {
    return terms.title() != null ? terms.title() : "bkg 2019 §17-§19 (no agreement of its own)";
  }

  /** The unit price of a charge in the year of its occurrence; empty where neither agreement nor bkg sets one. */
  public Optional<UnitPrice> unitPrice(ChargeCode code, int year) {
    return price(code).map(p -> new UnitPrice(p.in(year, terms.index()), p.source()));
  }

  private Optional<Price> price(ChargeCode code) {
    Optional<Price> agreed = Optional.ofNullable(code.priceKey()).map(terms.prices()::get).map(Price::parse);
    return switch (code) {
      case LE275_ASSESSMENT -> agreed.or(() -> Optional.of(LE275_DEFAULT));
      case MEDICAL_ESTIMATE_HALF_HOURS -> agreed.map(hourly -> hourly.dividedBy(2));
      case STARTED_COORDINATOR_CASE, DEVIATION_SETTLEMENT, COORDINATOR_INSTALMENT -> casePrice();
      default -> agreed;
    };
  }

  /** The price of one coordinator case: as agreed, or a full-time year's price over 606 cases (bilag 1). */
  private Optional<Price> casePrice() {
    return Optional.ofNullable(terms.prices().get(ChargeCode.STARTED_COORDINATOR_CASE.priceKey())).map(Price::parse)
        .or(() -> Optional.ofNullable(terms.prices().get(FULL_TIME_YEAR_KEY)).map(Price::parse)
            .map(year -> new Price(year.dividedBy(CASES_PER_FULL_TIME_YEAR).amount(), year.level(),
                year.source() + "; bkg 2019 bilag 1 (202 working days x 3 cases)")));
  }

  public Optional<Integer> forecast(int year) {
    return Optional.ofNullable(terms.forecasts().get(year));
  }

  /** One month's instalment of the coordinator function: the year's forecast at the year's case price, over 12. */
  public Optional<BigDecimal> monthlyInstalment(int year) {
    if (terms.coordinatorBilling() != AgreementProperties.CoordinatorBilling.INSTALMENTS) {
      return Optional.empty();
    }
    return forecast(year).flatMap(cases -> unitPrice(ChargeCode.COORDINATOR_INSTALMENT, year)
        .map(p -> Money.kr(p.amount().multiply(BigDecimal.valueOf(cases)).divide(BigDecimal.valueOf(12), 10,
            RoundingMode.HALF_UP))));
  }

  public boolean billsEachStartedCase() {
    return terms.coordinatorBilling() == AgreementProperties.CoordinatorBilling.PER_CASE;
  }

  public LocalDate paymentDue(LocalDate issued) {
    return issued.plusDays(terms.paymentDays());
  }

  public String paymentSource() {
    return terms.paymentSource() != null ? terms.paymentSource() : "bkg 2019 §19 stk. 3";
  }

  public BigDecimal deviationTolerancePercent() {
    return terms.deviationTolerancePercent();
  }

  public Optional<String> municipalityEan() {
    return Optional.ofNullable(terms.municipalityEan()).filter(s -> !s.isBlank());
  }
}
