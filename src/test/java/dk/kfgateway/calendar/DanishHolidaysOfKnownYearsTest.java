package dk.kfgateway.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DanishHolidaysOfKnownYearsTest {

  private final DanishHolidays publicSector = DanishHolidays.publicSector();
  private final DanishHolidays statutory = DanishHolidays.statutoryOnly();

  @ParameterizedTest(name = "Easter {0} is {1}")
  @CsvSource({
    "1818, 1818-03-22", // earliest possible date
    "1943, 1943-04-25", // latest possible date
    "2000, 2000-04-23",
    "2019, 2019-04-21",
    "2023, 2023-04-09",
    "2024, 2024-03-31",
    "2025, 2025-04-20",
    "2026, 2026-04-05",
    "2027, 2027-03-28",
    "2028, 2028-04-16",
    "2038, 2038-04-25",
    "2285, 2285-03-22"
  })
  void easterSundayFollowsTheGregorianComputus(int year, LocalDate easter) {
    assertThat(Easter.sunday(year)).isEqualTo(easter);
  }

  @Test
  void the2025PublicHolidaysAreTheOfficialOnes() {
    assertThat(statutory.in(2025))
        .extracting(Holiday::date)
        .containsExactly(
            LocalDate.of(2025, 1, 1),
            LocalDate.of(2025, 4, 17),
            LocalDate.of(2025, 4, 18),
            LocalDate.of(2025, 4, 20),
            LocalDate.of(2025, 4, 21),
            LocalDate.of(2025, 5, 29),
            LocalDate.of(2025, 6, 8),
            LocalDate.of(2025, 6, 9),
            LocalDate.of(2025, 12, 25),
            LocalDate.of(2025, 12, 26));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "2024-03-28, Maundy Thursday",
    "2024-03-29, Good Friday",
    "2024-04-01, Easter Monday",
    "2024-05-09, Ascension Day",
    "2024-05-20, Whit Monday",
    "2026-04-02, Maundy Thursday",
    "2026-05-14, Ascension Day",
    "2026-05-25, Whit Monday",
    "2027-03-26, Good Friday",
    "2027-05-06, Ascension Day",
    "2027-05-16, Whit Sunday",
    "2023-05-18, Ascension Day"
  })
  void movableHolidaysFallOnTheirKnownDates(LocalDate date, String name) {
    assertThat(statutory.isHoliday(date)).isTrue();
    assertThat(statutory.in(date.getYear())).filteredOn(h -> h.date().equals(date)).singleElement()
        .satisfies(h -> assertThat(h.name()).contains(name));
  }

  @Nested
  class GreatPrayerDay {

    @Test
    void isAHolidayIn2023() {
      assertThat(statutory.isHoliday(LocalDate.of(2023, 5, 5))).isTrue();
    }

    @Test
    void isAbolishedFrom2024() {
      assertThat(statutory.isHoliday(LocalDate.of(2024, 4, 26))).isFalse();
      assertThat(statutory.in(2024)).noneMatch(h -> h.name().contains("bededag"));
      assertThat(statutory.in(2025)).hasSize(10);
      assertThat(statutory.in(2023)).hasSize(11);
    }
  }

  @Nested
  class OptionalDaysOff {

    @ParameterizedTest
    @CsvSource({"2025-06-05", "2025-12-24", "2025-12-31"})
    void areNonWorkingByDefaultInThePublicSector(LocalDate date) {
      assertThat(publicSector.isHoliday(date)).isTrue();
      assertThat(statutory.isHoliday(date)).isFalse();
    }

    @Test
    void canBeChosenOneByOneByAnAgreement() {
      DanishHolidays onlyChristmasEve = DanishHolidays.withOptional(Set.of(OptionalHoliday.CHRISTMAS_EVE));

      assertThat(onlyChristmasEve.isHoliday(LocalDate.of(2025, 12, 24))).isTrue();
      assertThat(onlyChristmasEve.isHoliday(LocalDate.of(2025, 12, 31))).isFalse();
      assertThat(onlyChristmasEve.isHoliday(LocalDate.of(2025, 6, 5))).isFalse();
      assertThat(onlyChristmasEve.nonWorkingOptional()).containsExactly(OptionalHoliday.CHRISTMAS_EVE);
    }

    @Test
    void areListedWithTheirDanishNames() {
      List<Holiday> december = publicSector.in(2025).stream().filter(h -> h.date().getMonthValue() == 12).toList();

      assertThat(december)
          .extracting(Holiday::name)
          .containsExactly(
              "Juleaftensdag (Christmas Eve)",
              "Juledag (Christmas Day)",
              "2. juledag (Boxing Day)",
              "Nytårsaftensdag (New Year's Eve)");
    }
  }
}
