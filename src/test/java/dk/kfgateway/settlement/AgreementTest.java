package dk.kfgateway.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An agreement's prices, and the bekendtgørelse's defaults where it is silent (bkg 2019 §17-§19, bilag 1). */
class AgreementTest {

  @Test
  void without_an_agreement_le275_is_14000_kr_at_the_2011_level_and_payment_is_due_in_14_days() {
    Agreement none = new Agreements(Map.of(), "Organization/region").of("Organization/municipality-x");
    assertThat(none.unitPrice(ChargeCode.LE275_ASSESSMENT, 2026).orElseThrow().amount()).isEqualByComparingTo("14000");
    assertThat(none.unitPrice(ChargeCode.MEETING_DAY_POINTS, 2026)).as("points are priced by agreement only").isEmpty();
    assertThat(none.paymentDue(java.time.LocalDate.of(2026, 2, 27))).isEqualTo("2026-03-13");
    assertThat(none.region()).isEqualTo("Organization/region");
  }

  @Test
  void the_case_price_of_bilag_1_is_a_full_time_year_over_202_working_days_of_3_cases() {
    Agreement agreement = agreement(Map.of("coordinator-full-time-year", "1212000 @ 2026 @ KRL"), Map.of());
    assertThat(agreement.unitPrice(ChargeCode.STARTED_COORDINATOR_CASE, 2026).orElseThrow().amount())
        .isEqualByComparingTo("2000.00"); // 1,212,000 / 606
  }

  @Test
  void prices_are_indexed_each_1_january_after_their_price_level() {
    Agreement agreement = agreement(Map.of("started-coordinator-case", "1667 @ 2013 @ Midtjylland aftale 7.1",
        "medical-estimate-hour", "1300 @ 2025 @ x"), Map.of(2014, new BigDecimal("1.10"), 2015, new BigDecimal("1.10")));
    assertThat(agreement.unitPrice(ChargeCode.STARTED_COORDINATOR_CASE, 2013).orElseThrow().amount())
        .isEqualByComparingTo("1667.00");
    assertThat(agreement.unitPrice(ChargeCode.STARTED_COORDINATOR_CASE, 2015).orElseThrow().amount())
        .isEqualByComparingTo("2017.07"); // 1,667 x 1.1 x 1.1
    assertThat(agreement.unitPrice(ChargeCode.MEDICAL_ESTIMATE_HALF_HOURS, 2025).orElseThrow().amount())
        .as("half the hourly rate, guide pkt. 11").isEqualByComparingTo("650.00");
  }

  @Test
  void an_unknown_price_key_stops_the_start() {
    assertThatThrownBy(() -> new Agreements(Map.of("municipality-x", terms(Map.of("point", "650 @ 2025"), Map.of())),
        "Organization/region")).hasMessageContaining("prices.point");
  }

  private static Agreement agreement(Map<String, String> prices, Map<Integer, BigDecimal> index) {
    return new Agreements(Map.of("municipality-x", terms(prices, index)), "Organization/region")
        .of("Organization/municipality-x");
  }

  private static AgreementProperties terms(Map<String, String> prices, Map<Integer, BigDecimal> index) {
    return new AgreementProperties("Test", null, null, 14, null, AgreementProperties.CoordinatorBilling.INSTALMENTS,
        BigDecimal.valueOf(5), Map.of(), index, prices);
  }
}
