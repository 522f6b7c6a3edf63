package dk.kfgateway.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kfgateway.support.GatewayIntegrationTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;

/**
 * The year-end deviation over HTTP (Midtjylland aftale 7.3; bkg 2019 §17 stk. 4), with Roskilde's demo agreement
 * (application.yaml): 1,800 kr per case at the 2024 level, 5 % more from 2025; forecasts 14 cases for 2024 and 25 for
 * 2025 and 2026. 2024 ends with 15 started cases (+7.1 %): the January 2025 invoice bills the one case beyond the
 * forecast. 2025 ends with 23 (-8 %): the January 2026 invoice credits 95 % of 25 = 23.75 less 23 = 0.75 cases.
 */
class YearEndDeviationOverHttpTest extends GatewayIntegrationTest {

  private static final ZoneId DK = ZoneId.of("Europe/Copenhagen");

  @Test
  void the_january_invoices_settle_the_previous_years_deviation_from_the_forecast() {
    SettlementCases cases = new SettlementCases(baseUrl(), tokens);
    startedCases(cases, 2024, 15);
    startedCases(cases, 2025, 23);

    BigDecimal price2024 = new BigDecimal("1800.00");
    BigDecimal price2025 = price2024.multiply(new BigDecimal("1.05")).setScale(2, RoundingMode.HALF_UP); // 1,890.00
    BigDecimal instalment = kr(new BigDecimal(25).multiply(price2025).divide(new BigDecimal(12), 10,
        RoundingMode.HALF_UP)); // 25 cases / 12 months: 3,937.50

    Invoice january2025 = cases.settled(SettlementCases.SECRETARIAT, "roskilde", "2025-01");
    assertThat(lines(january2025)).containsExactlyInAnyOrder(instalment, price2024);
    assertThat(january2025.getTotalNet().getValue()).isEqualByComparingTo(instalment.add(price2024));
    assertThat(deviationText(january2025)).contains("15 cases against a forecast of 14").contains("+7.1 %");

    Invoice january2026 = cases.settled(SettlementCases.SECRETARIAT, "roskilde", "2026-01");
    BigDecimal credit = kr(new BigDecimal("23").subtract(new BigDecimal("0.95").multiply(new BigDecimal(25)))
        .multiply(price2025)); // -0.75 x 1,890.00 = -1,417.50
    assertThat(lines(january2026)).containsExactlyInAnyOrder(instalment, credit);
    assertThat(january2026.getTotalNet().getValue()).isEqualByComparingTo("2520.00");
    assertThat(deviationText(january2026)).contains("23 cases against a forecast of 25").contains("-8.0 %");
  }

  /** So many rehabilitation-team cases sent by Roskilde in the year, each received by the region. */
  private static void startedCases(SettlementCases cases, int year, int count) {
    for (int i = 0; i < count; i++) {
      String task = cases.refer("rehab-team-advice", "roskilde",
          LocalDateTime.of(year, 1 + i % 12, 10, 9, 0).atZone(DK).toOffsetDateTime());
      cases.move(task, null, TaskStatus.RECEIVED);
      assertThat(cases.chargesOf(task)).singleElement().extracting(ChargeItem::getStatus)
          .isEqualTo(ChargeItem.ChargeItemStatus.NOTBILLABLE);
    }
  }

  private static java.util.List<BigDecimal> lines(Invoice invoice) {
    return invoice.getLineItem().stream().map(l -> kr(l.getPriceComponentFirstRep().getAmount().getValue())).toList();
  }

  private static String deviationText(Invoice invoice) {
    return invoice.getLineItem().stream().map(l -> l.getPriceComponentFirstRep().getCode().getText())
        .filter(t -> t.contains("SET-009")).findFirst().orElseThrow();
  }

  private static BigDecimal kr(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }
}
