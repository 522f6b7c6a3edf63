package dk.kfgateway.settlement;

import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one month's invoice to a municipality holds (pure): every billable ChargeItem up to the month's end not yet on
 * an invoice (a late event goes on the next invoice), the coordinator function's monthly instalment from the forecast
 * (SET-008), in January the previous year's deviation settlement (SET-009), the total and the payment due date
 * (SET-010). A month is settled after it ended (paid in arrears, bkg 2019 §19 stk. 2), once (SET-011).
 */
public final class MonthlySettlement {

  /** The invoice to issue. */
  public record Plan(YearMonth month, List<InvoiceLine> lines, BigDecimal total, LocalDate issued, LocalDate due) {}

  private MonthlySettlement() {}

  /** The first moment after the month, in Danish time. */
  public static Instant end(YearMonth month) {
    return month.plusMonths(1).atDay(1).atStartOfDay(PricedCharge.DENMARK).toInstant();
  }

  public static Verdict mayIssue(YearMonth month, Instant now) {
    return now.isBefore(end(month))
        ? Verdict.of(new Violation(SettlementRules.MONTH_SETTLED_ONCE, Violation.Kind.CONFLICT, month
            + " is not over yet: a month is settled in arrears, from " + end(month).atZone(PricedCharge.DENMARK)
            .toLocalDate() + " on", "month"))
        : Verdict.allowed();
  }

  /**
   * @param charges the billable items not yet on an invoice, as lines
   * @param startedCasesLastYear in January, the started coordinator cases of the previous year
   */
  public static Plan plan(Agreement agreement, YearMonth month, List<InvoiceLine> charges,
      Optional<BigDecimal> startedCasesLastYear, LocalDate issued) {
    List<InvoiceLine> lines = new ArrayList<>(charges);
    agreement.monthlyInstalment(month.getYear()).ifPresent(amount -> lines.add(new InvoiceLine(null,
        ChargeCode.COORDINATOR_INSTALMENT, BigDecimal.ONE, amount, SettlementRules.COORDINATOR_INSTALMENT.display(
            month + ": 1/12 of the forecast of " + agreement.forecast(month.getYear()).orElseThrow()
            + " cases at the " + month.getYear() + " case price, paid monthly in arrears"))));
    if (month.getMonthValue() == 1) {
      startedCasesLastYear.flatMap(cases -> YearEndDeviation.of(agreement, month.getYear() - 1, cases))
          .ifPresent(lines::add);
    }
    BigDecimal total = Money.kr(lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    return new Plan(month, List.copyOf(lines), total, issued, agreement.paymentDue(issued));
  }
}
