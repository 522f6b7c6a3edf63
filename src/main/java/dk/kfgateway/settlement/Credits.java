package dk.kfgateway.settlement;

import dk.kfgateway.rules.Verdict;
import dk.kfgateway.rules.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.ChargeItem;

/**
 * Corrections (SET-012): an item is never changed; it is credited by a new ChargeItem with the negative quantity and
 * amount, {@code partOf} the original, on the same date, so that it lands on the next invoice not yet issued. An item
 * is credited once; a credit is not credited.
 */
public class Credits {

  private final ChargeItems items;

  public Credits(ChargeItems items) {
    this.items = items;
  }

  /** Whether an item may be credited now (pure). */
  public static Verdict mayCredit(ChargeItem item, boolean alreadyCredited) {
    if (item.hasPartOf()) {
      return conflict("ChargeItem/" + item.getIdElement().getIdPart() + " is itself a credit; credit the original");
    }
    if (alreadyCredited) {
      return conflict("ChargeItem/" + item.getIdElement().getIdPart() + " is credited already");
    }
    return Verdict.allowed();
  }

  public boolean isCredited(ChargeItem item) {
    return !items.byIdentifier(creditIdentifier(item)).isEmpty();
  }

  /** Writes the credit of an item; its id. */
  public String credit(ChargeItem original, String reason, Instant now) {
    dk.kfgateway.fhir.Refusals.enforce(mayCredit(original, isCredited(original)));
    BigDecimal quantity = original.getQuantity().getValue().negate();
    ChargeCode code = ChargeCode.of(original.getCode().getCodingFirstRep().getCode()).orElseThrow();
    Charge charge = new Charge(code, quantity, original.getOccurrenceDateTimeType().getValue().toInstant(), "credit",
        "credit of ChargeItem/" + original.getIdElement().getIdPart() + ": " + reason);
    BigDecimal total = Money.kr(original.getPriceOverride().getValue().negate());
    boolean billable = original.getStatus() != ChargeItem.ChargeItemStatus.NOTBILLABLE;
    String note = SettlementRules.CORRECTION_CREDITS.display(charge.explanation());
    PricedCharge priced = new PricedCharge(charge, null, total, billable, note);
    List<String> about = original.getSupportingInformation().stream().map(r -> r.getReference()).toList();
    ChargeItems.Parties parties = new ChargeItems.Parties(original.getSubject().getReference(),
        original.getRequestingOrganization().getReference(), original.getPerformingOrganization().getReference(),
        about);
    return items.write(priced, parties, creditIdentifier(original), now, original);
  }

  private static String creditIdentifier(ChargeItem item) {
    return "ChargeItem/" + item.getIdElement().getIdPart() + "|credit";
  }

  private static Verdict conflict(String message) {
    return Verdict.of(new Violation(SettlementRules.CORRECTION_CREDITS, Violation.Kind.CONFLICT, message,
        "ChargeItem"));
  }
}
