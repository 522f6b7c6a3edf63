package dk.kfgateway.settlement;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One billable event found in a Task change, before pricing: what, how many units, when it happened, and a key that is
 * unique for the task (so that a repeated write never bills twice).
 */
public record Charge(ChargeCode code, BigDecimal quantity, Instant occurrence, String key, String explanation) {}
