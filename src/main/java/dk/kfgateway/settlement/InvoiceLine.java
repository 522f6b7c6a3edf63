package dk.kfgateway.settlement;

import java.math.BigDecimal;

/**
 * One line of a monthly invoice: a ChargeItem (its id), or what the settlement itself computes (the instalment, the
 * year-end deviation; chargeItem null), with its quantity, amount and the text naming its rule and source.
 */
public record InvoiceLine(String chargeItem, ChargeCode code, BigDecimal quantity, BigDecimal amount, String text) {}
