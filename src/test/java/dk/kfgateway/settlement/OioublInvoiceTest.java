package dk.kfgateway.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Invoice;
import org.junit.jupiter.api.Test;

/** The OIOUBL 2.1 export of an invoice is a valid UBL 2.1 Invoice (schema from the UBL library's jar). */
class OioublInvoiceTest {

  private static final Agreement AGREEMENT = new Agreement("Organization/municipality-holbaek",
      "Organization/kf-region-sjaelland", new AgreementProperties("Demo", null, "5798000001015", 30, null,
          AgreementProperties.CoordinatorBilling.INSTALMENTS, BigDecimal.valueOf(5), Map.of(), Map.of(), Map.of()));

  @Test
  void an_invoice_with_a_charge_and_a_credit_validates_against_the_ubl_schema() throws Exception {
    MonthlySettlement.Plan plan = new MonthlySettlement.Plan(YearMonth.of(2026, 2), List.of(
        new InvoiceLine("ChargeItem/1", ChargeCode.MEETING_DAY_POINTS, BigDecimal.valueOf(3), new BigDecimal("1989.00"),
            "[SET-002] 3 points"),
        new InvoiceLine("ChargeItem/2", ChargeCode.MEETING_DAY_POINTS, BigDecimal.valueOf(-1),
            new BigDecimal("-663.00"), "[SET-012] credit")), new BigDecimal("1326.00"), LocalDate.of(2026, 3, 3),
        LocalDate.of(2026, 4, 2));
    Invoice invoice = Invoices.of(AGREEMENT, plan, Optional.of("5790000000012"), Instant.parse("2026-03-03T08:00:00Z"),
        Set.of("municipality-holbaek"));
    String xml = OioublInvoice.xml(invoice, Map.of("Organization/municipality-holbaek", "Holbæk Kommune"));
    UblSchema.validate(xml);
    assertThat(xml).contains("<cbc:DueDate>2026-04-02</cbc:DueDate>").contains("schemeID=\"GLN\"")
        .contains(">1326.00<");
  }

  @Test
  void the_schema_refuses_what_is_not_an_invoice() {
    assertThatThrownBy(() -> UblSchema.validate("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:"
        + "Invoice-2\"><Wrong/></Invoice>")).isInstanceOf(org.xml.sax.SAXException.class);
  }
}
