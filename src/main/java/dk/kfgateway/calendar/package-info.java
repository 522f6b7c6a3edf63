/**
 * Danish working days and the deadlines (<i>frister</i>) of Klinisk Funktion, as pure values: no Spring, no HAPI, no
 * clock of its own.
 *
 * <ul>
 *   <li>{@link dk.kfgateway.calendar.DanishHolidays} and {@link dk.kfgateway.calendar.WorkingDayCalendar}: which days
 *       are <i>hverdage</i>/<i>arbejdsdage</i> in Europe/Copenhagen, and arithmetic on them.
 *   <li>{@link dk.kfgateway.calendar.DeadlineRule} and {@link dk.kfgateway.calendar.DeadlineRules}: the defaults of
 *       CodeSystem {@code kf-deadline-rules} with their sources, overridable per municipality-region agreement;
 *       {@link dk.kfgateway.calendar.CaseSpecificDeadline} for "another deadline in a concrete case".
 *   <li>{@link dk.kfgateway.calendar.DeadlineCalculator} computes the due instant; {@link
 *       dk.kfgateway.calendar.DeadlineClock} moves it while a case is on hold.
 *   <li>{@link dk.kfgateway.calendar.DocumentLeadTimeRule} (CAL-001) and {@link
 *       dk.kfgateway.calendar.SparringBookingRule} (CAL-002): lead-time checks used by referral intake.
 * </ul>
 *
 * Every method takes the instants it needs; nothing here calls {@code Instant.now()}.
 */
package dk.kfgateway.calendar;
