package dk.kfgateway.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Midtjylland aftale 7.3: after each calendar year the cases are counted against the forecast; up to 5 % over or under
 * changes nothing; beyond +5 % the municipality pays the extra cases at the case price ("afregner kommunen det ekstra
 * antal sager med prisen for en behandlet sag"); under 95 % it is credited the difference between the cases and 95 %
 * of the forecast. Forecast 100 cases at 1,667 kr (the agreement's 2013 price, no index).
 */
class YearEndDeviationTest {

  private static final Agreement MIDTJYLLAND = new Agreement("Organization/municipality-x", "Organization/region",
      new AgreementProperties("Midtjylland 2013", null, null, 30, "Midtjylland aftale 7.3",
          AgreementProperties.CoordinatorBilling.INSTALMENTS, BigDecimal.valueOf(5), Map.of(2013, 100), Map.of(),
          Map.of("started-coordinator-case", "1667 @ 2013 @ Midtjylland aftale 7.1")));

  @Test
  void seven_percent_above_the_forecast_bills_the_seven_extra_cases() {
    InvoiceLine line = YearEndDeviation.of(MIDTJYLLAND, 2013, BigDecimal.valueOf(107)).orElseThrow();
    assertThat(line.quantity()).isEqualByComparingTo("7");
    assertThat(line.amount()).isEqualByComparingTo(BigDecimal.valueOf(7 * 1667)); // 11,669.00 kr
    assertThat(line.text()).contains("SET-009").contains("+7.0 %").contains("Midtjylland aftale 7.3");
  }

  @Test
  void eight_percent_below_the_forecast_credits_the_difference_to_95_percent() {
    InvoiceLine line = lineFor(92);
    assertThat(line.quantity()).isEqualByComparingTo("-3"); // 92 cases against 95 % of 100
    assertThat(line.amount()).isEqualByComparingTo(BigDecimal.valueOf(-3 * 1667)); // -5,001.00 kr
    assertThat(line.text()).contains("-8.0 %").contains("credited");
  }

  @Test
  void five_percent_either_way_changes_nothing() {
    assertThat(YearEndDeviation.of(MIDTJYLLAND, 2013, BigDecimal.valueOf(105))).isEmpty();
    assertThat(YearEndDeviation.of(MIDTJYLLAND, 2013, BigDecimal.valueOf(95))).isEmpty();
  }

  @Test
  void a_year_without_a_forecast_has_no_deviation() {
    assertThat(YearEndDeviation.of(MIDTJYLLAND, 2014, BigDecimal.valueOf(300))).isEmpty();
  }

  private static InvoiceLine lineFor(int cases) {
    return YearEndDeviation.of(MIDTJYLLAND, 2013, BigDecimal.valueOf(cases)).orElseThrow();
  }
}
