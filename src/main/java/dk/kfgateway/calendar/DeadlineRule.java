package dk.kfgateway.calendar;

import java.util.Objects;

/**
 * One way of computing a deadline (<i>frist</i>): a kind, an amount (days or hours; 0 for kinds without one) and the
 * source paragraph it comes from, e.g. {@code CALENDAR_DAYS 14 "bkg 2019 §22"}.
 *
 * <h2>Configuration format</h2>
 *
 * An agreement between a municipality and a region overrides a default with a string:
 *
 * <pre>
 *   kind[:amount][ @ source]
 *
 *   calendar-days:21
 *   working-days:5 @ Samarbejdsaftale Region Sjælland 2025 pkt. 4
 *   working-hours:24
 *   meeting-date
 *   by-agreement
 * </pre>
 *
 * {@code kind} is a {@link DeadlineKind#token() token}; {@code amount} is a positive whole number, required exactly
 * for the kinds that {@link DeadlineKind#hasAmount() have one}; {@code source} is free text naming the agreement and
 * defaults to {@link #AGREEMENT_SOURCE}. Whitespace around the parts is ignored.
 */
public record DeadlineRule(DeadlineKind kind, int amount, String source) {

  /** The source of a rule that an agreement sets without naming its paragraph. */
  public static final String AGREEMENT_SOURCE = "agreement between municipality and region (bkg 2019 §20)";

  public DeadlineRule {
    Objects.requireNonNull(kind, "kind");
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("a deadline rule needs its source paragraph");
    }
    if (kind.hasAmount() && amount <= 0) {
      throw new IllegalArgumentException(kind.token() + " needs a positive amount, got " + amount);
    }
    if (!kind.hasAmount() && amount != 0) {
      throw new IllegalArgumentException(kind.token() + " takes no amount, got " + amount);
    }
  }

  public static DeadlineRule calendarDays(int days, String source) {
    return new DeadlineRule(DeadlineKind.CALENDAR_DAYS, days, source);
  }

  public static DeadlineRule workingDays(int days, String source) {
    return new DeadlineRule(DeadlineKind.WORKING_DAYS, days, source);
  }

  public static DeadlineRule workingHours(int hours, String source) {
    return new DeadlineRule(DeadlineKind.WORKING_HOURS, hours, source);
  }

  /**
   * Reads a configuration string (see class Javadoc). Throws {@link IllegalArgumentException} naming the bad part:
   * configuration is read at start-up, where failing loudly is right.
   */
  public static DeadlineRule parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    String[] ruleAndSource = spec.split("@", 2);
    String source = ruleAndSource.length == 2 ? ruleAndSource[1].trim() : AGREEMENT_SOURCE;
    String[] kindAndAmount = ruleAndSource[0].split(":", 2);
    String token = kindAndAmount[0].trim();
    DeadlineKind kind =
        DeadlineKind.fromToken(token)
            .orElseThrow(() -> new IllegalArgumentException("unknown deadline kind '" + token + "' in '" + spec + "'"));
    if (kind.hasAmount() != (kindAndAmount.length == 2)) {
      throw new IllegalArgumentException(
          "'" + spec + "': " + token + (kind.hasAmount() ? " needs an amount, e.g. " + token + ":14" : " takes none"));
    }
    return new DeadlineRule(kind, kind.hasAmount() ? parseAmount(kindAndAmount[1], spec) : 0, source);
  }

  private static int parseAmount(String amount, String spec) {
    try {
      return Integer.parseInt(amount.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + spec + "': amount '" + amount.trim() + "' is not a whole number", e);
    }
  }

  /** This rule as a configuration string; {@code parse(rule.toSpec())} gives the rule back. */
  public String toSpec() {
    return kind.token() + (kind.hasAmount() ? ":" + amount : "") + " @ " + source;
  }

  /** A short English description for messages, e.g. "14 calendar days (bkg 2019 §22)". */
  public String describe() {
    String what =
        switch (kind) {
          case CALENDAR_DAYS -> amount + " calendar days";
          case WORKING_DAYS -> amount + " working days";
          case WORKING_HOURS -> amount + " hours on working days";
          case MEETING_DATE -> "at the meeting";
          case BY_AGREEMENT -> "by agreement";
        };
    return what + " (" + source + ")";
  }
}
