package dk.kfgateway.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Danish public holidays (<i>helligdage</i>) of any year, plus the {@link OptionalHoliday optional days off} an
 * agreement treats as non-working.
 *
 * <p>Public holidays: New Year's Day, Maundy Thursday, Good Friday, Easter Sunday, Easter Monday, Great Prayer Day
 * (Easter + 26, only up to and including 2023: abolished by law from 2024), Ascension Day (Easter + 39), Whit Sunday
 * and Whit Monday (Easter + 49/50), Christmas Day and Boxing Day.
 *
 * <p><b>Default: {@link #publicSector()} treats Constitution Day, Christmas Eve and New Year's Eve as non-working.</b>
 * Both parties of the workflow are public employers (municipalities and regions) whose working-time agreements make
 * these three days paid days off (<i>fridage</i>): nobody in the secretariat reads a case on 24 December, and a
 * working-day deadline that ran on such a day would be eaten by time nobody can use. An agreement that says otherwise
 * uses {@link #statutoryOnly()} or {@link #withOptional(Set)}.
 *
 * <p>Immutable and thread-safe; the holidays of a year are computed once and cached.
 */
public final class DanishHolidays {

  /** The last year that had Great Prayer Day (<i>store bededag</i>); abolished from 2024. */
  static final int LAST_GREAT_PRAYER_DAY_YEAR = 2023;

  private final Set<OptionalHoliday> nonWorkingOptional;
  private final Map<Integer, Map<LocalDate, Holiday>> byYear = new ConcurrentHashMap<>();

  private DanishHolidays(Set<OptionalHoliday> nonWorkingOptional) {
    this.nonWorkingOptional =
        nonWorkingOptional.isEmpty()
            ? Collections.unmodifiableSet(EnumSet.noneOf(OptionalHoliday.class))
            : Collections.unmodifiableSet(EnumSet.copyOf(nonWorkingOptional));
  }

  /** The default: public holidays plus Constitution Day, Christmas Eve and New Year's Eve (see class Javadoc). */
  public static DanishHolidays publicSector() {
    return new DanishHolidays(EnumSet.allOf(OptionalHoliday.class));
  }

  /** Only the public holidays by law; the optional days are ordinary working days when they fall Monday-Friday. */
  public static DanishHolidays statutoryOnly() {
    return new DanishHolidays(EnumSet.noneOf(OptionalHoliday.class));
  }

  /** The public holidays plus exactly the given optional days, as an agreement specifies. */
  public static DanishHolidays withOptional(Set<OptionalHoliday> nonWorking) {
    return new DanishHolidays(nonWorking);
  }

  /** Which optional days this set treats as non-working. */
  public Set<OptionalHoliday> nonWorkingOptional() {
    return nonWorkingOptional;
  }

  /** True when the date is a public holiday or a chosen optional day off (whatever the weekday). */
  public boolean isHoliday(LocalDate date) {
    return holidayMap(date.getYear()).containsKey(date);
  }

  /** The holidays of a year in date order, each with its Danish name. */
  public List<Holiday> in(int year) {
    return holidayMap(year).values().stream().sorted().toList();
  }

  private Map<LocalDate, Holiday> holidayMap(int year) {
    return byYear.computeIfAbsent(year, this::compute);
  }

  private Map<LocalDate, Holiday> compute(int year) {
    LocalDate easter = Easter.sunday(year);
    List<Holiday> days = new ArrayList<>();
    days.add(new Holiday(MonthDay.of(1, 1).atYear(year), "Nytårsdag (New Year's Day)"));
    days.add(new Holiday(easter.minusDays(3), "Skærtorsdag (Maundy Thursday)"));
    days.add(new Holiday(easter.minusDays(2), "Langfredag (Good Friday)"));
    days.add(new Holiday(easter, "Påskedag (Easter Sunday)"));
    days.add(new Holiday(easter.plusDays(1), "2. påskedag (Easter Monday)"));
    if (year <= LAST_GREAT_PRAYER_DAY_YEAR) {
      days.add(new Holiday(easter.plusDays(26), "Store bededag (Great Prayer Day)"));
    }
    days.add(new Holiday(easter.plusDays(39), "Kristi himmelfartsdag (Ascension Day)"));
    days.add(new Holiday(easter.plusDays(49), "Pinsedag (Whit Sunday)"));
    days.add(new Holiday(easter.plusDays(50), "2. pinsedag (Whit Monday)"));
    days.add(new Holiday(MonthDay.of(12, 25).atYear(year), "Juledag (Christmas Day)"));
    days.add(new Holiday(MonthDay.of(12, 26).atYear(year), "2. juledag (Boxing Day)"));
    nonWorkingOptional.forEach(optional -> days.add(optional.in(year)));
    // An optional day may fall on a public holiday (5 June is Whit Monday in 2028): the public holiday's name stays.
    return Map.copyOf(days.stream().collect(Collectors.toMap(Holiday::date, Function.identity(), (first, second) -> first)));
  }
}
